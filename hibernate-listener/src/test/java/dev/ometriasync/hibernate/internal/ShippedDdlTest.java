package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.internal.backfill.CheckpointDdl;
import java.util.List;
import org.hibernate.dialect.CockroachDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.OracleDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.SQLServerDialect;
import org.junit.jupiter.api.Test;

/** Each supported database finds its one shipped migration, and the backfill its checkpoint statement in it. */
class ShippedDdlTest {

    @Test
    void eachDialectFindsTheMigrationOfItsDatabase() {
        assertThat(vendor(new H2Dialect())).isEqualTo("h2");
        assertThat(vendor(new PostgreSQLDialect())).isEqualTo("postgresql");
        assertThat(vendor(new CockroachDialect())).isEqualTo("postgresql");
        assertThat(vendor(new MySQLDialect())).isEqualTo("mysql");
        assertThat(vendor(new MariaDBDialect())).as("MariaDB shares the MySQL migration").isEqualTo("mysql");
        assertThat(vendor(new SQLServerDialect())).isEqualTo("sqlserver");
        assertThat(vendor(new OracleDialect())).isEqualTo("oracle");
        for (String vendor : List.of("h2", "postgresql", "mysql", "sqlserver", "oracle")) {
            assertThat(ShippedDdl.read(vendor)).as(vendor)
                    .contains("ometria_outbox").contains("ometria_relay_lease").contains("ometria_backfill_checkpoint");
        }
    }

    @Test
    void theBackfillTakesItsCheckpointStatementFromTheMigration() {
        for (String vendor : List.of("h2", "postgresql", "mysql")) {
            assertThat(CheckpointDdl.statement(vendor)).as(vendor)
                    .startsWith("create table if not exists ometria_backfill_checkpoint (")
                    .contains("primary key (backfill_name, entity_name)")
                    .doesNotContain("ometria_outbox").doesNotContain("--").doesNotContain(";");
        }
        // the SQL Server and Oracle migrations are not run by the build: the backfill does not run them either
        assertThat(CheckpointDdl.vendorFor(new SQLServerDialect())).isNull();
        assertThat(CheckpointDdl.vendorFor(new OracleDialect())).isNull();
        assertThat(CheckpointDdl.vendorFor(new MariaDBDialect())).isEqualTo("mysql");
    }

    private static String vendor(Dialect dialect) {
        return ShippedDdl.vendorFor(dialect);
    }
}
