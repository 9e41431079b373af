package dev.ometriasync.benchmarks.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * PostgreSQL's cluster-wide WAL counters ({@code pg_stat_wal}, PostgreSQL 14+): records, full-page images, bytes,
 * WAL writes and syncs and the time spent in them (with {@code track_wal_io_timing=on}). Two snapshots around a
 * measured interval tell whether a mode makes the server write or wait for the disk more per commit; the
 * counters are reported by the server's statistics collector with up to half a second of delay, so the caller
 * lets that much time pass before each snapshot.
 *
 * @param records WAL records
 * @param fullPageImages full-page images written to the WAL
 * @param bytes WAL bytes
 * @param writes WAL write calls
 * @param syncs WAL fsync calls
 * @param writeMillis time spent writing WAL
 * @param syncMillis time spent in WAL fsync
 */
public record PostgresWalStats(long records, long fullPageImages, long bytes, long writes, long syncs, double writeMillis,
        double syncMillis) {

    /**
     * @param dataSource any database of the cluster
     * @return the counters now, or null when they cannot be read (PostgreSQL before 14)
     */
    public static PostgresWalStats snapshot(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select wal_records, wal_fpi, wal_bytes, wal_write, wal_sync,"
                     + " wal_write_time, wal_sync_time from pg_stat_wal")) {
            rs.next();
            return new PostgresWalStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getDouble(6), rs.getDouble(7));
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * @param before the earlier snapshot
     * @param commits the commits between the two
     * @return the difference per commit, as one line for the harness's output
     */
    public String perCommitSince(PostgresWalStats before, int commits) {
        double n = commits;
        return String.format(Locale.ROOT, "%.1f records, %.2f full pages, %.0f bytes, %.2f writes, %.2f syncs,"
                        + " %.0f µs writing, %.0f µs in fsync",
                (records - before.records) / n, (fullPageImages - before.fullPageImages) / n, (bytes - before.bytes) / n,
                (writes - before.writes) / n, (syncs - before.syncs) / n, (writeMillis - before.writeMillis) * 1e3 / n,
                (syncMillis - before.syncMillis) * 1e3 / n);
    }
}
