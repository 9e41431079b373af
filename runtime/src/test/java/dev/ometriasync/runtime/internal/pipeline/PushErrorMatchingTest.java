package dev.ometriasync.runtime.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.PushError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the {@code _errors} poller tells new entries from those it saw (a multiset, since entries have no id and no
 * documented order) and which recently acknowledged records an entry's path can belong to.
 */
class PushErrorMatchingTest {

    private static final PushError LASTNAME = new PushError("not a valid value", "root > lastname");
    private static final PushError QUANTITY = new PushError("not a valid value", "root > lineitems > 1 > quantity");

    @Test
    void anEntryIsNewWhenItsKindIsListedMoreOftenThanBeforeWhateverTheOrder() {
        ErrorListDiff diff = new ErrorListDiff();
        assertThat(diff.newEntries(List.of(LASTNAME))).containsExactly(LASTNAME);
        assertThat(diff.newEntries(List.of(QUANTITY, LASTNAME))).containsExactly(QUANTITY);
        assertThat(diff.newEntries(List.of(LASTNAME, QUANTITY, LASTNAME))).containsExactly(LASTNAME);
        assertThat(diff.newEntries(List.of(LASTNAME, QUANTITY, LASTNAME))).isEmpty();
        assertThat(diff.mayHaveMissed()).isFalse();
    }

    @Test
    void twoFullListsInARowMayHaveHiddenEntries() {
        ErrorListDiff diff = new ErrorListDiff();
        List<PushError> full = new ArrayList<>(Collections.nCopies(ErrorListDiff.LIST_LIMIT, LASTNAME));
        diff.newEntries(full);
        assertThat(diff.mayHaveMissed()).isFalse();
        // one old entry dropped out as one new came in: the counts are equal, the new one cannot be seen
        assertThat(diff.newEntries(full)).isEmpty();
        assertThat(diff.mayHaveMissed()).isTrue();
    }

    @Test
    void candidatesHoldAValueAtTheEntrysPathNewestFirst() {
        RecentlyAcknowledged acknowledged = new RecentlyAcknowledged(Duration.ofMinutes(10));
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        OmetriaRecord oneLine = OmetriaRecord.parse("{\"@type\":\"order\",\"id\":\"O-1\",\"lineitems\":[{\"quantity\":1}]}", true);
        OmetriaRecord twoLines = OmetriaRecord.parse(
                "{\"@type\":\"order\",\"id\":\"O-2\",\"lineitems\":[{\"quantity\":1},{\"quantity\":-2}]}", true);
        OmetriaRecord contact = OmetriaRecord.parse("{\"@type\":\"contact\",\"id\":\"C-1\",\"lastname\":\"Lovelace\"}", true);
        acknowledged.add(List.of(oneLine, twoLines), now);
        acknowledged.add(List.of(contact), now.plusSeconds(1));

        assertThat(acknowledged.candidates(QUANTITY.errorPath())).containsExactly(twoLines.key());
        assertThat(acknowledged.candidates("root > lineitems > 0 > quantity")).containsExactly(twoLines.key(), oneLine.key());
        assertThat(acknowledged.candidates(LASTNAME.errorPath())).containsExactly(contact.key());
        assertThat(acknowledged.candidates("root > email")).isEmpty();
        assertThat(acknowledged.candidates("root")).containsExactly(contact.key(), twoLines.key(), oneLine.key());

        // once tied, the record is no candidate for another entry with the same path, but still for other paths
        acknowledged.tie(contact.key(), LASTNAME.errorPath());
        assertThat(acknowledged.candidates(LASTNAME.errorPath())).isEmpty();
        assertThat(acknowledged.candidates("root > id")).contains(contact.key());

        acknowledged.prune(now.plus(Duration.ofMinutes(10)).plusMillis(500));
        assertThat(acknowledged.candidates("root")).containsExactly(contact.key());
    }

    @Test
    void pathsAreReadLeniently() {
        assertThat(RecentlyAcknowledged.parse("root > lineitems > 0 > quantity")).containsExactly("lineitems", "0", "quantity");
        assertThat(RecentlyAcknowledged.parse("root>lastname")).containsExactly("lastname");
        assertThat(RecentlyAcknowledged.parse("lastname")).containsExactly("lastname");
        assertThat(RecentlyAcknowledged.parse(null)).isEmpty();
        assertThat(RecentlyAcknowledged.parse(" root ")).isEmpty();
    }
}
