package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.hibernate.internal.ShippedDdl;
import java.util.List;
import org.hibernate.dialect.Dialect;

/** The DDL of the checkpoint table: its statement in the shipped Flyway migration of the database. */
public final class CheckpointDdl {

    private static final String TABLE = "ometria_backfill_checkpoint";

    private CheckpointDdl() {
    }

    /**
     * The migration that holds the table for a dialect, where the backfill can run its statement itself.
     *
     * @param dialect the SessionFactory's dialect
     * @return the migration's vendor folder ({@code postgresql}, {@code h2} or {@code mysql}), or null for other
     *     databases (their migrations are not run by this project's build, so the backfill does not run them either)
     */
    public static String vendorFor(Dialect dialect) {
        String vendor = ShippedDdl.vendorFor(dialect);
        return List.of("postgresql", "h2", "mysql").contains(vendor) ? vendor : null;
    }

    /**
     * @param vendor a folder named by {@link #vendorFor}
     * @return where its statement comes from, for messages
     */
    public static String location(String vendor) {
        return ShippedDdl.location(vendor);
    }

    /**
     * The statement that creates the table ({@code create table if not exists}: running it again does nothing).
     *
     * @param vendor a folder named by {@link #vendorFor}
     * @return the statement, without a final {@code ;}
     */
    public static String statement(String vendor) {
        List<String> statements = ShippedDdl.statementsOn(ShippedDdl.read(vendor), TABLE);
        if (statements.size() != 1) {
            throw new IllegalStateException("expected one statement on " + TABLE + " in " + location(vendor) + ", found "
                    + statements.size());
        }
        return statements.get(0);
    }

    /**
     * @return where the migrations are, for a message on a database without one the backfill can run
     */
    public static String locations() {
        return ShippedDdl.FLYWAY_LOCATION + "{vendor}/" + ShippedDdl.SCRIPT;
    }
}
