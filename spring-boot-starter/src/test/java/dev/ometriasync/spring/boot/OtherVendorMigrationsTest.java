package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.spring.boot.app.Member;
import dev.ometriasync.spring.boot.app.MemberRepository;
import dev.ometriasync.spring.boot.app.TestApplication;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SQL Server and Oracle migrations, as far as they can be checked without those servers (none is available to
 * the build): the CREATE statements inside the Flyway scripts' guards run on H2 in MSSQLServer / Oracle mode; their
 * column types are the ones Hibernate itself writes for the two mapped tables with the SQL Server / Oracle dialect
 * (its create script, which needs no server); and the relay, running with that dialect, claims rows with a statement
 * in that database's locking form, captured and checked. H2's compatibility modes are not those databases: this shows
 * the scripts are well-formed and agree with Hibernate's mapping, not that they run on a real server (nor that
 * Hibernate's validate passes there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherVendorMigrationsTest {

    /** A database without a server in the build, its H2 stand-in and the Hibernate dialect that renders its SQL. */
    enum Vendor {
        SQLSERVER("sqlserver", "MSSQLServer", "org.hibernate.dialect.SQLServerDialect", "16", "mssql"),
        ORACLE("oracle", "Oracle", "org.hibernate.dialect.OracleDialect", "19", "oracle");

        final String flywayVendor;
        final String h2Mode;
        final String dialect;
        final String majorVersion;
        final String liquibaseDbms;

        Vendor(String flywayVendor, String h2Mode, String dialect, String majorVersion, String liquibaseDbms) {
            this.liquibaseDbms = liquibaseDbms;
            this.flywayVendor = flywayVendor;
            this.h2Mode = h2Mode;
            this.dialect = dialect;
            this.majorVersion = majorVersion;
        }
    }

    /** Every statement Hibernate prepares, for the tests to look at. */
    public static final class Recorder implements StatementInspector {
        static final List<String> SQL = new CopyOnWriteArrayList<>();

        @Override
        public String inspect(String sql) {
            SQL.add(sql);
            return sql;
        }
    }

    private final OmetriaSimulator ometria = OmetriaSimulator.builder().https(false).start();

    @AfterAll
    void close() {
        ometria.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theScriptsTypesAreHibernatesAndTheirCreateStatementsRunInH2sMode(Vendor vendor) throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=" + vendor.h2Mode + ";DB_CLOSE_DELAY=-1";
        List<String> statements = createStatements(vendor);
        assertThat(statements).hasSize(5); // three tables and the two indexes
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("create table member (id varchar(64) not null primary key, email varchar(255) not null,"
                    + " first_name varchar(255))");
            for (String create : statements) {
                statement.execute(create);
            }
            if (vendor == Vendor.SQLSERVER) {
                // SQL Server's clock function, which the relay reads the database time with; H2 has none of that name
                statement.execute("create alias sysdatetimeoffset for \"" + SqlServerClock.class.getName() + ".now\"");
            }
        }
        // What Hibernate itself would create with the vendor's dialect (a script only: no server needed). Hibernate's
        // validate checks a live database's types against this mapping; here the script's column types are compared
        // with it, column by column, for the two tables Hibernate maps.
        Path hibernateScript = Files.createTempFile("ometria-" + vendor.flywayVendor, ".sql");
        Recorder.SQL.clear();
        try (ConfigurableApplicationContext context = start(url, vendor, hibernateScript)) {
            assertThat(context.getBean(OmetriaSync.class).isEnabled()).isTrue();
            context.getBean(MemberRepository.class).save(new Member("v-" + vendor, vendor + "@example.com", "Ada"));
            // The relay runs with the vendor's dialect: its claim statement is rendered in that database's form (H2
            // may refuse to run it; only the form is checked)
            Eventually.await("a claim statement", () -> !claims().isEmpty());
        }
        String hibernate = Files.readString(hibernateScript).toLowerCase(Locale.ROOT);
        String ours = String.join(";\n", statements).toLowerCase(Locale.ROOT) + ";";
        for (String table : List.of("ometria_outbox", "ometria_relay_lease")) {
            assertThat(columnTypes(ours, table)).as(table + " in the " + vendor.flywayVendor + " script vs Hibernate's DDL:\n"
                    + hibernate).isEqualTo(columnTypes(hibernate, table));
        }

        List<String> claims = claims();
        if (vendor == Vendor.SQLSERVER) {
            // SQL Server's form of SELECT ... FOR UPDATE SKIP LOCKED: TOP for the limit, table hints for the locks
            assertThat(claims).allSatisfy(sql -> assertThat(sql).startsWith("select top (?) ")
                    .contains("from ometria_outbox oe1_0 with (updlock,rowlock,readpast) where "));
        } else {
            // Oracle refuses FOR UPDATE on a query with FETCH FIRST (ORA-02014): Hibernate limits the rows in a subquery
            // and locks, skipping locked rows, in the outer query on the plain table
            assertThat(claims).allSatisfy(sql -> assertThat(sql)
                    .containsPattern("where oe1_0\\.id in \\(select .* fetch first \\? rows only\\) for update skip locked$"));
        }
    }

    /** A stand-in for SQL Server's {@code sysdatetimeoffset()} on H2 (public: H2 calls it by reflection). */
    public static final class SqlServerClock {
        private SqlServerClock() {
        }

        /** @return the current time */
        public static java.time.OffsetDateTime now() {
            return java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theLiquibaseChangelogRendersForTheVendor(Vendor vendor) throws Exception {
        // Liquibase's offline mode writes the SQL it would run, without a server (its history goes to a CSV file)
        Path history = Files.createTempFile("databasechangelog-" + vendor.liquibaseDbms, ".csv");
        Files.delete(history);
        ResourceAccessor accessor = new ClassLoaderResourceAccessor(getClass().getClassLoader());
        Database database = DatabaseFactory.getInstance().openDatabase("offline:" + vendor.liquibaseDbms
                + "?outputLiquibaseSql=none&changeLogFile=" + history, null, null, null, accessor);
        StringWriter sql = new StringWriter();
        try (Liquibase liquibase = new Liquibase("db/ometria-sync/liquibase/changelog.xml", accessor, database)) {
            liquibase.update(new Contexts(), new LabelExpression(), sql);
        }
        String rendered = sql.toString().toLowerCase(Locale.ROOT);
        assertThat(rendered).doesNotContain("${").contains("create table ometria_outbox")
                .contains("create table ometria_relay_lease").contains("create table ometria_backfill_checkpoint")
                .contains("index ometria_outbox_due on ometria_outbox").contains("index ometria_outbox_entity on ometria_outbox");
        // the instants in Hibernate's type for the vendor (see the Flyway scripts; SQL Server's datetimeoffset is (7)
        // unless told otherwise, and Liquibase leaves the default out); other types are Liquibase's own mapping
        assertThat(rendered).containsPattern(vendor == Vendor.SQLSERVER ? "next_attempt_at datetimeoffset(\\(7\\))? not null"
                : "next_attempt_at timestamp\\(9\\) with time zone not null");
    }

    /** The relay's claims: the reads of due rows (not its unlocked check whether another instance holds live claims). */
    private static List<String> claims() {
        return Recorder.SQL.stream().map(sql -> sql.toLowerCase(Locale.ROOT))
                .filter(sql -> sql.startsWith("select") && sql.contains("ometria_outbox") && sql.contains("next_attempt_at<="))
                .toList();
    }

    /** Column name → type (without constraints and identity clauses) of one table in a DDL text. */
    private static Map<String, String> columnTypes(String ddl, String table) {
        Matcher matcher = Pattern.compile("create table " + table + " \\((.*?)\\)\\s*(;|$)", Pattern.DOTALL).matcher(ddl);
        assertThat(matcher.find()).as("create table " + table + " in:\n" + ddl).isTrue();
        Map<String, String> types = new TreeMap<>();
        for (String line : matcher.group(1).split(",\\s*(?![^()]*\\))")) {
            String column = line.strip().replaceAll("\\s+", " ");
            if (column.startsWith("primary key") || column.startsWith("constraint") || column.isEmpty()) {
                continue;
            }
            String name = column.substring(0, column.indexOf(' '));
            String type = column.substring(name.length() + 1)
                    .replaceAll(" (not null|primary key|generated by default as identity|identity(\\(1,\\s*1\\))?).*$", "")
                    .replaceAll(" (not null|primary key|generated by default as identity|identity(\\(1,\\s*1\\))?)", "")
                    .strip();
            types.put(name, type);
        }
        return types;
    }

    private ConfigurableApplicationContext start(String url, Vendor vendor, Path hibernateScript) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + url, "spring.datasource.username=sa", "spring.datasource.password=",
                "spring.jpa.hibernate.ddl-auto=none",
                "spring.jpa.database-platform=" + vendor.dialect,
                "spring.jpa.properties.jakarta.persistence.database-major-version=" + vendor.majorVersion,
                "spring.jpa.properties.jakarta.persistence.schema-generation.scripts.action=create",
                "spring.jpa.properties.jakarta.persistence.schema-generation.scripts.create-target=" + hibernateScript,
                "spring.jpa.properties.hibernate.session_factory.statement_inspector=" + Recorder.class.getName(),
                "ometria.relay.poll-interval=100ms",
                "ometria.api-key=" + ometria.apiKey(),
                "ometria.endpoint=" + ometria.baseUri()));
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    /** The CREATE statements of the vendor's Flyway script, without the guards that make them idempotent. */
    private static List<String> createStatements(Vendor vendor) throws IOException {
        String script;
        try (InputStream in = OtherVendorMigrationsTest.class.getClassLoader()
                .getResourceAsStream("db/ometria-sync/flyway/" + vendor.flywayVendor + "/R__ometria_sync_tables.sql")) {
            assertThat(in).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        Pattern create = vendor == Vendor.ORACLE
                ? Pattern.compile("execute immediate '(.*?)';", Pattern.DOTALL)
                : Pattern.compile("^(create (?:table|index) .*?);$", Pattern.DOTALL | Pattern.MULTILINE);
        Matcher matcher = create.matcher(script.replaceAll("--[^\\n]*", ""));
        while (matcher.find()) {
            statements.add(matcher.group(1).strip());
        }
        return statements;
    }
}
