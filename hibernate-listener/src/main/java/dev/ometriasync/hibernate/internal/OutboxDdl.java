package dev.ometriasync.hibernate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hibernate.dialect.Dialect;

/** The shipped DDL of the outbox tables, per database. */
final class OutboxDdl {

    /** Where the scripts are, on the class path. */
    static final String LOCATION = "dev/ometriasync/hibernate/ddl/";

    private OutboxDdl() {
    }

    /**
     * The script for a dialect.
     *
     * @param dialect the SessionFactory's dialect
     * @return the script's resource name ({@code postgresql.sql}, {@code h2.sql}, {@code mysql.sql}), or null when none fits
     */
    static String scriptFor(Dialect dialect) {
        String name = dialect.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (name.contains("postgres") || name.contains("cockroach")) {
            return "postgresql.sql";
        }
        if (name.contains("h2")) {
            return "h2.sql";
        }
        if (name.contains("mysql") || name.contains("maria")) {
            return "mysql.sql";
        }
        return null;
    }

    /**
     * Reads a script.
     *
     * @param script the resource name
     * @return its text
     */
    static String read(String script) {
        try (InputStream in = OutboxDdl.class.getClassLoader().getResourceAsStream(LOCATION + script)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LOCATION + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
