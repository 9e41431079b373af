package dev.ometriasync.sample;

import dev.ometriasync.testkit.RecordedRequest;
import java.io.PrintStream;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What went over the wire in one phase of the run, read from the simulator's request log: push requests,
 * records per request, 429s and other refusals, and the records that failed Ometria's validation.
 *
 * @param phase the phase's name
 * @param requests every {@code POST /v2/push} of the phase, in arrival order
 * @param validationErrors records the simulator acknowledged but then refused (its {@code _errors})
 */
record PushReport(String phase, List<RecordedRequest> requests, int validationErrors) {

    /** @return push requests answered 200 */
    long acceptedRequests() {
        return requests.stream().filter(r -> r.status() == 200).count();
    }

    /** @return push requests answered 429 */
    long rateLimited() {
        return requests.stream().filter(r -> r.status() == 429).count();
    }

    /** @return push requests answered anything but 200 or 429, or dropped */
    long otherFailures() {
        return requests.stream().filter(r -> r.status() != 200 && r.status() != 429).count();
    }

    /** @return records per accepted request: count, min, max, average, sum */
    IntSummaryStatistics recordsPerRequest() {
        return requests.stream().filter(r -> r.status() == 200).mapToInt(RecordedRequest::recordCount).summaryStatistics();
    }

    /** @return accepted records by {@code @type} */
    Map<String, Integer> recordsByType() {
        return requests.stream().filter(r -> r.status() == 200)
                .collect(Collectors.groupingBy(r -> String.join("+", r.types()), TreeMap::new,
                        Collectors.summingInt(RecordedRequest::recordCount)));
    }

    /** @return whether a request mixed record types (the pipeline batches one type per request) */
    boolean anyMixedRequest() {
        return requests.stream().anyMatch(r -> r.types().size() > 1);
    }

    void print(PrintStream out) {
        IntSummaryStatistics perRequest = recordsPerRequest();
        out.printf(Locale.ROOT, "   %-16s %3d push requests: %d accepted (%d records: %s), %d answered 429, %d other failures%n",
                phase + ":", requests.size(), acceptedRequests(), perRequest.getSum(), byType(), rateLimited(), otherFailures());
        if (perRequest.getCount() > 0) {
            out.printf(Locale.ROOT, "   %-16s     records per request: min %d, max %d, average %.1f; %s%n", "",
                    perRequest.getMin(), perRequest.getMax(), perRequest.getAverage(),
                    anyMixedRequest() ? "SOME REQUESTS MIXED TYPES" : "one record type per request");
        }
        out.printf(Locale.ROOT, "   %-16s     records refused by Ometria's validation: %d%n", "", validationErrors);
    }

    private String byType() {
        Map<String, Integer> byType = recordsByType();
        return byType.isEmpty() ? "none" : byType.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
