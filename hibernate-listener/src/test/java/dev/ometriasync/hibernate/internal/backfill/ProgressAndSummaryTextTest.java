package dev.ometriasync.hibernate.internal.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.backfill.BackfillProgress;
import dev.ometriasync.hibernate.backfill.BackfillRejection;
import dev.ometriasync.hibernate.backfill.BackfillSummary;
import dev.ometriasync.hibernate.backfill.BackfillSummary.TypeResult;
import dev.ometriasync.hibernate.backfill.BackfillSummary.TypeStatus;
import dev.ometriasync.runtime.Outcome;
import dev.ometriasync.schema.RecordType;
import dev.ometriasync.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rate, ETA and the console texts, on a manual clock. */
class ProgressAndSummaryTextTest {

    @Test
    void rateAndEtaFollowTheClockAtOmetriasRateAMillionRecordsTake2500Seconds() {
        ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
        ProgressMeter meter = new ProgressMeter(clock, 1_000_000);
        assertThat(meter.progress(null, 0, 0, 0).eta()).isEmpty();

        clock.advance(Duration.ofSeconds(250)); // 4 requests/s × 100 records for 250 s
        BackfillProgress progress = meter.progress(null, 100_000, 99_990, 10);

        assertThat(progress.recordsPerSecond()).isEqualTo(400.0);
        assertThat(progress.eta()).isEqualTo(Optional.of(Duration.ofSeconds(2_250)));
        assertThat(progress.fraction()).isEqualTo(0.1);
        assertThat(progress.elapsed()).isEqualTo(Duration.ofSeconds(250));
    }

    @Test
    void plainLinesAreThrottledAndTheLastStateIsAlwaysPrinted() {
        ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLineView view = new ProgressLineView(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);

        view.onProgress(progress(0, Duration.ZERO));
        clock.advance(Duration.ofSeconds(1));
        view.onProgress(progress(400, Duration.ofSeconds(1)));   // within 5 s of the last line: not printed yet
        clock.advance(Duration.ofSeconds(1));
        view.onProgress(progress(800, Duration.ofSeconds(2)));
        view.close();                                             // ... but the last state is

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "Backfill contact: 0 / 4,000 records (0%), 0 records/s, ETA ?",
                "Backfill contact: 800 / 4,000 records (20%), 400 records/s, ETA 8s, 3 rejected");
    }

    @Test
    void theSummaryGroupsRejectionsByReasonAndMasksEmailAddresses() {
        BackfillSummary summary = new BackfillSummary("default", false, "the pipeline gave records back unsent (pipeline closed)", 2_500,
                2_397, 3, List.of(
                        new BackfillRejection("shop.Customer", "ada@example.com", Outcome.Status.REJECTED, "invalid email"),
                        new BackfillRejection("shop.Customer", "17", Outcome.Status.REJECTED, "invalid email"),
                        new BackfillRejection("shop.Order", "O-1", Outcome.Status.DEAD_LETTERED, "HTTP 503 until the retry budget ran out")),
                List.of(new TypeResult("shop.Product", RecordType.PRODUCT, TypeStatus.COMPLETED, null, 1_000, 1_000, 0),
                        new TypeResult("shop.Customer", RecordType.CONTACT, TypeStatus.STOPPED, "500", 1_500, 1_397, 3),
                        new TypeResult("shop.Order", RecordType.ORDER, TypeStatus.NOT_STARTED, null, 0, 0, 0)),
                Duration.ofSeconds(8));

        List<String> lines = SummaryText.lines(summary);

        assertThat(lines.get(0)).isEqualTo("Backfill 'default' STOPPED: the pipeline gave records back unsent (pipeline closed)");
        assertThat(lines.get(1)).isEqualTo("  so far 2,500 records sent, 2,397 accepted, 3 rejected in 8s (300 records/s); "
                + "run it again to resume after the last confirmed chunk");
        assertThat(lines.get(3)).contains("contact").contains("Customer").contains("stopped").contains("(resumed after id 500)");
        assertThat(lines.get(4)).contains("not started");
        assertThat(lines).contains("Rejected records by reason:", "  2 × invalid email: Customer#a***@example.com, Customer#17",
                "  1 × HTTP 503 until the retry budget ran out: Order#O-1");
    }

    private static BackfillProgress progress(long done, Duration elapsed) {
        double rate = elapsed.isZero() ? 0 : done / (double) elapsed.toSeconds();
        return new BackfillProgress(RecordType.CONTACT, "shop.Customer", done, 4_000, done, done == 0 ? 0 : 3, elapsed, rate);
    }
}
