package dev.ometriasync.hibernate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.dialect.Dialect;

/**
 * The DDL of ometria-sync's tables as shipped: the Flyway migration of each database is the one source. Error messages
 * quote it and the backfill creates its checkpoint table from it, so what they say and do is what Flyway users run.
 * (The Liquibase changelog is the one other copy; a test compares the schema both produce.)
 */
public final class ShippedDdl {

    /** The folder of the Flyway migrations, one subfolder per database. */
    public static final String FLYWAY_LOCATION = "db/ometria-sync/flyway/";

    /** The migration's file name, the same in each subfolder. */
    public static final String SCRIPT = "R__ometria_sync_tables.sql";

    private ShippedDdl() {
    }

    /**
     * The folder whose script fits a dialect. MariaDB gets the MySQL script (the same DDL; the build copies it to
     * {@code mariadb/} as well, where Spring Boot's {@code {vendor}} points for a MariaDB URL).
     *
     * @param dialect the SessionFactory's dialect
     * @return {@code postgresql}, {@code h2}, {@code mysql}, {@code sqlserver} or {@code oracle}; null when none fits
     */
    public static String vendorFor(Dialect dialect) {
        String name = dialect.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (name.contains("postgres") || name.contains("cockroach")) {
            return "postgresql";
        }
        if (name.contains("h2")) {
            return "h2";
        }
        if (name.contains("mysql") || name.contains("maria")) {
            return "mysql";
        }
        if (name.contains("sqlserver")) {
            return "sqlserver";
        }
        if (name.contains("oracle")) {
            return "oracle";
        }
        return null;
    }

    /**
     * @param vendor a folder named by {@link #vendorFor}
     * @return the class-path resource of its script
     */
    public static String location(String vendor) {
        return FLYWAY_LOCATION + vendor + "/" + SCRIPT;
    }

    /**
     * Reads a vendor's script.
     *
     * @param vendor a folder named by {@link #vendorFor}
     * @return its text
     */
    public static String read(String vendor) {
        String resource = location(vendor);
        try (InputStream in = ShippedDdl.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statements of a script that mention a table, without comments. For the scripts made of plain statements
     * ended by {@code ;} (not Oracle's PL/SQL blocks).
     *
     * @param script a script's text
     * @param table the table's name
     * @return the statements, in script order
     */
    public static List<String> statementsOn(String script, String table) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().split(";")) {
            if (statement.contains(table)) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
