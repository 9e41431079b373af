package dev.ometriasync.runtime.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.RecordKey;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The records a pipeline had acknowledged lately, kept so that an entry of {@code GET /v2/push/_errors}, which names
 * only a path such as {@code root > lineitems > 0 > quantity}, can be tied to the record it belongs to: the records
 * that hold a value at that path. Bounded by age ({@link #window}), by count ({@link #MAX_RECORDS}) and by size
 * ({@link #MAX_CHARS}), oldest dropped first. Thread-safe: the pipeline's thread adds, the poller reads.
 */
final class RecentlyAcknowledged {

    /** The most records kept, whatever their age: a bound on memory at high rates. */
    static final int MAX_RECORDS = 10_000;

    /** The most characters of field values kept (about 16 MB at worst): records may be up to 60 KB each. */
    static final long MAX_CHARS = 8_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEPARATOR = Pattern.compile("\\s*>\\s*");

    private record Acknowledged(OmetriaRecord record, Instant at, Set<String> tiedPaths, long chars) {
    }

    private final Duration window;
    private final ArrayDeque<Acknowledged> records = new ArrayDeque<>();
    private long heldChars;

    /**
     * @param window how long an acknowledged record stays a candidate: Ometria validates after acknowledging, so its
     *     error shows up later, by up to Ometria's validation delay plus a poll interval
     */
    RecentlyAcknowledged(Duration window) {
        this.window = window;
    }

    /** @return how long an acknowledged record stays a candidate */
    Duration window() {
        return window;
    }

    /**
     * Notes records Ometria acknowledged.
     *
     * @param acknowledged the records of one request
     * @param at when
     */
    synchronized void add(List<OmetriaRecord> acknowledged, Instant at) {
        for (OmetriaRecord record : acknowledged) {
            long chars = record.fields().values().stream().mapToLong(String::length).sum();
            records.addLast(new Acknowledged(record, at, new HashSet<>(), chars));
            heldChars += chars;
            while (records.size() > MAX_RECORDS || (heldChars > MAX_CHARS && records.size() > 1)) {
                dropOldest();
            }
        }
    }

    private void dropOldest() {
        heldChars -= records.pollFirst().chars();
    }

    /**
     * Drops records older than the window.
     *
     * @param now the current time
     */
    synchronized void prune(Instant now) {
        Instant oldest = now.minus(window);
        while (!records.isEmpty() && records.peekFirst().at().isBefore(oldest)) {
            dropOldest();
        }
    }

    /**
     * The records, newest first, that hold a value at the path and were not already tied to an entry with that path.
     *
     * @param errorPath Ometria's {@code error_path}, such as {@code root > lastname}; null or {@code root} for the
     *     record itself
     * @return the candidates' keys, newest first
     */
    synchronized List<RecordKey> candidates(String errorPath) {
        List<String> path = parse(errorPath);
        String pathKey = String.join(">", path);
        List<RecordKey> found = new ArrayList<>();
        Set<RecordKey> seen = new HashSet<>();
        for (Iterator<Acknowledged> newestFirst = records.descendingIterator(); newestFirst.hasNext(); ) {
            Acknowledged acknowledged = newestFirst.next();
            RecordKey key = acknowledged.record().key();
            // one record acknowledged twice is one candidate (its later state), not two
            if (!acknowledged.tiedPaths().contains(pathKey) && holdsValue(acknowledged.record(), path) && seen.add(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /**
     * Marks the newest acknowledgement of a record as tied to an entry with this path, so that the next entry with
     * the same path looks for another record.
     *
     * @param key the record
     * @param errorPath the entry's path
     */
    synchronized void tie(RecordKey key, String errorPath) {
        String pathKey = String.join(">", parse(errorPath));
        for (Iterator<Acknowledged> newestFirst = records.descendingIterator(); newestFirst.hasNext(); ) {
            Acknowledged acknowledged = newestFirst.next();
            if (acknowledged.record().key().equals(key)) {
                acknowledged.tiedPaths().add(pathKey);
            }
        }
    }

    /** @return how many records are kept */
    synchronized int size() {
        return records.size();
    }

    /** {@code root > lineitems > 0 > quantity} → [lineitems, 0, quantity]; Ometria's {@code root} is the record. */
    static List<String> parse(String errorPath) {
        List<String> parts = new ArrayList<>();
        if (errorPath == null || errorPath.isBlank()) {
            return parts;
        }
        for (String part : SEPARATOR.split(errorPath.strip())) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (!parts.isEmpty() && parts.get(0).equals("root")) {
            parts.remove(0);
        }
        return parts;
    }

    private static boolean holdsValue(OmetriaRecord record, List<String> path) {
        if (path.isEmpty()) {
            return true;
        }
        String field = path.get(0);
        if (field.equals("id") || field.equals("@type")) {
            return path.size() == 1;
        }
        if (field.equals("@collection")) {
            return path.size() == 1 && record.collection() != null;
        }
        String raw = record.fields().get(field);
        if (raw == null) {
            return false;
        }
        if (path.size() == 1) {
            return true;
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (IOException unreadable) {
            return false;
        }
        for (String part : path.subList(1, path.size())) {
            if (node == null) {
                return false;
            }
            if (node.isArray()) {
                try {
                    node = node.get(Integer.parseInt(part));
                } catch (NumberFormatException notAnIndex) {
                    return false;
                }
            } else {
                node = node.get(part);
            }
        }
        return node != null;
    }
}
