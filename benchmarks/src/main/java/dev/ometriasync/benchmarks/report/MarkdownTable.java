package dev.ometriasync.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A markdown table with a fixed header, printed by every harness so its output pastes into BENCHMARKS.md. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column titles */
    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * @param cells one value per column
     * @return this table
     */
    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** @return the header line alone */
    public String headerLines() {
        return line(header) + "\n" + "|---".repeat(header.size()) + "|";
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(headerLines());
        for (List<String> row : rows) {
            out.append('\n').append(line(row));
        }
        return out.toString();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
