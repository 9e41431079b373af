package dev.ometriasync.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a record as the database has it next to what Ometria holds, one top-level field per line. */
final class SideBySideView {

    private static final int FIELD_WIDTH = 20;
    private static final int VALUE_WIDTH = 44;

    private final PrintStream out;

    SideBySideView(PrintStream out) {
        this.out = out;
    }

    /**
     * Prints one comparison.
     *
     * @param comparison the records
     * @param showOmetria false for a real account, whose state cannot be read back
     * @param heading what happened to the entity, or empty
     */
    void print(RecordComparison comparison, boolean showOmetria, String heading) {
        print(comparison, showOmetria, heading, List.of());
    }

    /**
     * Prints one comparison and, when Ometria refused the record, why.
     *
     * @param comparison the records
     * @param showOmetria false for a real account, whose state cannot be read back
     * @param heading what happened to the entity, or empty
     * @param refusals Ometria's validation failures for the record
     */
    void print(RecordComparison comparison, boolean showOmetria, String heading, List<String> refusals) {
        out.println();
        out.println("  " + comparison.label() + (heading.isEmpty() ? "" : " - " + heading));
        List<String> differences = comparison.differences();
        out.println(row(" ", "field", "database", showOmetria ? "Ometria" : ""));
        for (String field : comparison.fieldNames()) {
            String mark = showOmetria && differences.contains(field) ? "*" : " ";
            String theirs = showOmetria ? show(comparison.ometria() == null ? null : comparison.ometria().get(field)) : "";
            out.println(row(mark, field, show(comparison.database().get(field)), theirs));
        }
        if (!showOmetria) {
            return;
        }
        if (comparison.ometria() == null) {
            out.println("    => Ometria holds no such record");
            refusals.forEach(refusal -> out.println("       " + refusal));
        } else if (differences.isEmpty()) {
            out.println("    => Ometria holds exactly the database's record");
        } else {
            out.println("    => DIFFERS in " + String.join(", ", differences) + " (marked *)");
        }
    }

    private static String row(String mark, String field, String ours, String theirs) {
        return String.format(Locale.ROOT, "  %s %-" + FIELD_WIDTH + "s %-" + VALUE_WIDTH + "s %s",
                mark, cut(field, FIELD_WIDTH), cut(ours, VALUE_WIDTH), cut(theirs, VALUE_WIDTH)).stripTrailing();
    }

    private static String show(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "-";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
