package dev.ometriasync.hibernate.internal;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells failures of the infrastructure (the database connection) from failures of one row's data. The
 * former are not the rows' fault: they never count an attempt, so that an outage cannot kill healthy rows.
 */
final class InfrastructureFailures {

    private InfrastructureFailures() {
    }

    /**
     * Whether a failure came from the database connection rather than from the data.
     *
     * @param failure the failure
     * @return true for connection failures anywhere in its cause chain
     */
    static boolean isInfrastructure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            String state = t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith("08")) {
                return true; // SQLSTATE class 08: connection exception
            }
        }
        return false;
    }
}
