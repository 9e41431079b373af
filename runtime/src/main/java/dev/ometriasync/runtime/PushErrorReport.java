package dev.ometriasync.runtime;

import dev.ometriasync.schema.RecordType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A validation error that Ometria listed at {@code GET /v2/push/_errors} after it had acknowledged the record, as
 * reported by a pipeline's poller ({@link OmetriaPipeline.Builder#pushErrorsPollInterval}), with the record it
 * belongs to when that can be told.
 *
 * <p>Ometria's entries hold only {@code error_message} and {@code error_path} (Ometria's "list errors" page): no record
 * id, {@code @type}, request id or time. So an entry can only be tied to a record by inference: the poller matches its
 * path against the records this pipeline had acknowledged recently (the last ten minutes, or three poll intervals when longer; at most 10,000 records).
 * When exactly one of them holds a value at that path, that record is the one ({@link #record()}); when several do,
 * they are the {@link #candidates()} (and {@link #recordType()} is their type when they share one) and the report
 * cannot say which; when none does, the entry belongs to no record this pipeline sent recently (another application
 * on the account, another instance, or a record sent before the window). The inference can be wrong: a path such as
 * {@code root > firstname} matches every recent record with a first name, and a record another application sent with
 * the same path is indistinguishable. Treat {@link #record()} as "most likely", never as Ometria's word.
 *
 * @param error Ometria's entry as listed
 * @param record the record the entry belongs to, or null when it cannot be told
 * @param recordType the record's type: that of {@code record}, or the one type all candidates share; else null
 * @param candidates the recently acknowledged records that hold a value at the entry's path (at most
 *     {@value #MAX_CANDIDATES}); one element, equal to {@code record}, when the entry is tied to it
 * @param listedAt when the poller first saw the entry (the pipeline's clock); Ometria gives no time
 */
public record PushErrorReport(PushError error, RecordKey record, RecordType recordType, List<RecordKey> candidates,
                              Instant listedAt) {

    /** The most candidates a report names. */
    public static final int MAX_CANDIDATES = 10;

    /**
     * Checks the parts.
     *
     * @param error Ometria's entry
     * @param record the record, or null
     * @param recordType the type, or null
     * @param candidates the candidates
     * @param listedAt when seen
     */
    public PushErrorReport {
        Objects.requireNonNull(error, "error");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(listedAt, "listedAt");
    }

    /**
     * The id of the record the entry belongs to.
     *
     * @return the id, or null when the entry cannot be tied to one record
     */
    public String recordId() {
        return record == null ? null : record.id();
    }

    /** Names the record (or the candidates) and the entry; e-mail addresses masked. */
    @Override
    public String toString() {
        String owner = record != null ? record.toString()
                : candidates.isEmpty() ? "no record sent recently"
                : (recordType == null ? "" : recordType.jsonName() + " ") + "one of " + candidates;
        return "PushErrorReport[" + owner + ": " + error + "]";
    }
}
