package dev.ometriasync.hibernate.internal.backfill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.dialect.Dialect;

/** The shipped DDL of the checkpoint table, per database, beside the outbox scripts. */
public final class CheckpointDdl {

    /** Where the scripts are, on the class path. */
    public static final String LOCATION = "dev/ometriasync/hibernate/ddl/";

    private CheckpointDdl() {
    }

    /**
     * The script for a dialect.
     *
     * @param dialect the SessionFactory's dialect
     * @return {@code backfill-postgresql.sql}, {@code backfill-h2.sql} or {@code backfill-mysql.sql}, or null when none fits
     */
    public static String scriptFor(Dialect dialect) {
        String name = dialect.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (name.contains("postgres") || name.contains("cockroach")) {
            return "backfill-postgresql.sql";
        }
        if (name.contains("h2")) {
            return "backfill-h2.sql";
        }
        if (name.contains("mysql") || name.contains("maria")) {
            return "backfill-mysql.sql";
        }
        return null;
    }

    /**
     * Reads a script.
     *
     * @param script the resource name
     * @return its text
     */
    public static String read(String script) {
        try (InputStream in = CheckpointDdl.class.getClassLoader().getResourceAsStream(LOCATION + script)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LOCATION + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statements of a script, without comments.
     *
     * @param script the script's text
     * @return the statements
     */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
