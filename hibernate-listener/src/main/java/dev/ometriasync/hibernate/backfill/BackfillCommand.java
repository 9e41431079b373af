package dev.ometriasync.hibernate.backfill;

import dev.ometriasync.hibernate.DeadLetter;
import dev.ometriasync.hibernate.DeadLetters;
import dev.ometriasync.hibernate.OmetriaSettings;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.schema.RecordType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backfill on the command line: boots the application's JPA persistence unit with the integration on,
 * runs the backfill with a console progress bar and prints the summary. Run it with the application's class
 * path (entities, generated serializers, JDBC driver, {@code META-INF/persistence.xml}):
 *
 * <pre>
 * java -cp app.jar:libs/* dev.ometriasync.hibernate.backfill.BackfillCommand --persistence-unit shop \
 *      -Dometria.api-key=... --types product,contact,order
 * </pre>
 *
 * <p>Exit status: 0 complete and every record accepted; 1 complete with undelivered records (listed); 2 stopped
 * early (run it again to resume); 64 wrong usage; 70 failed (the message says why).
 */
public final class BackfillCommand {

    /** Complete, every record accepted. */
    public static final int COMPLETE = 0;
    /** Complete, some records were not delivered. */
    public static final int COMPLETE_WITH_REJECTIONS = 1;
    /** Stopped before the end; a new run resumes. */
    public static final int STOPPED = 2;
    /** Wrong arguments. */
    public static final int USAGE = 64;
    /** Could not run (bad configuration, database unreachable, missing table...). */
    public static final int FAILED = 70;

    static final String USAGE_TEXT = """
            Usage: BackfillCommand --persistence-unit NAME [options]
            Sends every existing product, contact and order of the persistence unit to Ometria, with progress
            and a checkpoint: a killed run resumes where it stopped.

              -u, --persistence-unit NAME    the JPA persistence unit (META-INF/persistence.xml) to boot
              -Dkey=value, --property key=value
                                             a persistence-unit property (repeatable): JDBC settings, ometria.*
              --types LIST                   record types, comma-separated: product,contact,order (default);
                                             custom_event is sent only when named
              --entities LIST                only these entity classes (fully-qualified, comma-separated)
              --changed-since WHEN           only rows changed at or after WHEN (2024-05-01T00:00:00Z or 2024-05-01)
              --changed-since-attribute CLASS=ATTRIBUTE
                                             the attribute holding CLASS's last-change time (repeatable)
              --chunk-size N                 rows per chunk and checkpoint (default 1000)
              --max-chunks-in-flight N       chunks sent before the oldest is confirmed (default 1)
              --name NAME                    the checkpoint name (default 'default')
              --restart                      forget the checkpoint and start at the beginning
              --create-checkpoint-table      create ometria_backfill_checkpoint when it is missing
              --plain                        progress as lines instead of a bar
              --dead-letters list|replay|purge
                                             instead of a backfill: list the dead outbox rows with their reasons,
                                             replay them (they become pending and are sent again) or purge them;
                                             replay and purge need --ids or --all
              --ids LIST                     outbox row ids for --dead-letters, comma-separated
              --all                          every dead row, for --dead-letters replay or purge
              -h, --help                     this text

            OMETRIA_API_KEY (and OMETRIA_ENDPOINT) are used when no property sets ometria.api-key (ometria.endpoint).
            Exit status: 0 complete; 1 complete with undelivered records; 2 stopped early (run again to resume);
            64 wrong usage; 70 failed.
            """;

    private BackfillCommand() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the arguments (see {@code --help})
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the command without exiting the JVM.
     *
     * @param args the arguments
     * @param out where progress and the summary go
     * @param err where errors go
     * @param environment the environment ({@code OMETRIA_API_KEY}, {@code OMETRIA_ENDPOINT})
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("BackfillCommand: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (arguments.help) {
            out.print(USAGE_TEXT);
            return COMPLETE;
        }
        Map<String, Object> properties = new LinkedHashMap<>(arguments.properties);
        if (!properties.containsKey(OmetriaSettings.API_KEY.key()) && environment.get("OMETRIA_API_KEY") != null) {
            properties.put(OmetriaSettings.API_KEY.key(), environment.get("OMETRIA_API_KEY"));
        }
        if (!properties.containsKey(OmetriaSettings.ENDPOINT.key()) && environment.get("OMETRIA_ENDPOINT") != null) {
            properties.put(OmetriaSettings.ENDPOINT.key(), environment.get("OMETRIA_ENDPOINT"));
        }
        if (!properties.containsKey(OmetriaSettings.API_KEY.key())) {
            err.println("BackfillCommand: no Ometria API key: set OMETRIA_API_KEY or pass -D" + OmetriaSettings.API_KEY.key() + "=...");
            return USAGE;
        }
        if (arguments.deadLetters != null) {
            return deadLetters(arguments, properties, out, err);
        }
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(arguments.persistenceUnit, properties)) {
            OmetriaBackfill backfill = configure(OmetriaBackfill.forSessionFactory(factory), arguments);
            BackfillConsole console = BackfillConsole.to(out);
            if (arguments.plain) {
                console.plainLines();
            }
            BackfillSummary summary = console.run(backfill);
            if (!summary.complete()) {
                return STOPPED;
            }
            return summary.rejected() == 0 ? COMPLETE : COMPLETE_WITH_REJECTIONS;
        } catch (RuntimeException e) {
            err.println("BackfillCommand failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** {@code --dead-letters}: the operations of {@link OmetriaSync#deadLetters()} on the command line. */
    private static int deadLetters(Arguments arguments, Map<String, Object> properties, PrintStream out, PrintStream err) {
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(arguments.persistenceUnit, properties)) {
            DeadLetters dead = OmetriaSync.of(factory).deadLetters();
            switch (arguments.deadLetters) {
                case "list" -> {
                    List<DeadLetter> rows = dead.list(arguments.limit);
                    out.println(dead.count() + " dead outbox row(s)" + (rows.size() < dead.count() ? ", the first " + rows.size() : "")
                            + (rows.isEmpty() ? "" : ":"));
                    for (DeadLetter row : rows) {
                        out.println("  " + row.id() + "  " + row.operation() + " " + row.entityName() + "#" + row.entityId() + " ("
                                + row.ometriaType() + "), " + row.attempts() + " attempt(s), since " + row.createdAt() + ": " + row.reason());
                    }
                }
                case "replay" -> out.println((arguments.all ? dead.replayAll() : dead.replay(arguments.ids))
                        + " dead outbox row(s) replayed: they are pending again and the relay sends the entities' current state");
                default -> out.println((arguments.all ? dead.purgeAll() : dead.purge(arguments.ids)) + " dead outbox row(s) purged");
            }
            return COMPLETE;
        } catch (RuntimeException e) {
            err.println("BackfillCommand failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static OmetriaBackfill configure(OmetriaBackfill backfill, Arguments arguments) {
        if (arguments.name != null) {
            backfill.name(arguments.name);
        }
        if (!arguments.types.isEmpty()) {
            backfill.types(arguments.types.toArray(RecordType[]::new));
        }
        for (String entity : arguments.entities) {
            backfill.entities(load(entity));
        }
        if (arguments.changedSince != null) {
            backfill.changedSince(arguments.changedSince);
        }
        arguments.changedSinceAttributes.forEach((entity, attribute) -> backfill.changedSinceAttribute(load(entity), attribute));
        if (arguments.chunkSize != null) {
            backfill.chunkSize(arguments.chunkSize);
        }
        if (arguments.maxChunksInFlight != null) {
            backfill.maxChunksInFlight(arguments.maxChunksInFlight);
        }
        if (arguments.restart) {
            backfill.restart();
        }
        if (arguments.createCheckpointTable) {
            backfill.createCheckpointTable();
        }
        return backfill;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class " + className + " is not on the class path", e);
        }
    }

    /** The parsed command line. */
    private static final class Arguments {
        String persistenceUnit;
        final Map<String, String> properties = new LinkedHashMap<>();
        final List<RecordType> types = new ArrayList<>();
        final List<String> entities = new ArrayList<>();
        Instant changedSince;
        final Map<String, String> changedSinceAttributes = new LinkedHashMap<>();
        Integer chunkSize;
        Integer maxChunksInFlight;
        String name;
        boolean restart;
        boolean createCheckpointTable;
        boolean plain;
        boolean help;
        String deadLetters;
        final List<Long> ids = new ArrayList<>();
        boolean all;
        int limit = 1_000;

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("-D") && arg.length() > 2) {
                    a.property(arg.substring(2));
                    continue;
                }
                switch (arg) {
                    case "-h", "--help" -> a.help = true;
                    case "-u", "--persistence-unit" -> a.persistenceUnit = value(args, ++i, arg);
                    case "--property" -> a.property(value(args, ++i, arg));
                    case "--types" -> {
                        for (String type : value(args, ++i, arg).split(",")) {
                            a.types.add(recordType(type.strip()));
                        }
                    }
                    case "--entities" -> {
                        for (String entity : value(args, ++i, arg).split(",")) {
                            a.entities.add(entity.strip());
                        }
                    }
                    case "--changed-since" -> a.changedSince = instant(value(args, ++i, arg));
                    case "--changed-since-attribute" -> {
                        String pair = value(args, ++i, arg);
                        int eq = pair.indexOf('=');
                        if (eq <= 0 || eq == pair.length() - 1) {
                            throw new IllegalArgumentException(arg + " expects CLASS=ATTRIBUTE, not '" + pair + "'");
                        }
                        a.changedSinceAttributes.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    }
                    case "--chunk-size" -> a.chunkSize = number(value(args, ++i, arg), arg);
                    case "--max-chunks-in-flight" -> a.maxChunksInFlight = number(value(args, ++i, arg), arg);
                    case "--name" -> a.name = value(args, ++i, arg);
                    case "--restart" -> a.restart = true;
                    case "--create-checkpoint-table" -> a.createCheckpointTable = true;
                    case "--plain" -> a.plain = true;
                    case "--dead-letters" -> {
                        a.deadLetters = value(args, ++i, arg);
                        if (!List.of("list", "replay", "purge").contains(a.deadLetters)) {
                            throw new IllegalArgumentException("--dead-letters expects list, replay or purge, not '" + a.deadLetters + "'");
                        }
                    }
                    case "--ids" -> {
                        for (String id : value(args, ++i, arg).split(",")) {
                            try {
                                a.ids.add(Long.parseLong(id.strip()));
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("--ids expects outbox row ids, not '" + id.strip() + "'", e);
                            }
                        }
                    }
                    case "--all" -> a.all = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            if (!a.help && a.persistenceUnit == null) {
                throw new IllegalArgumentException("--persistence-unit is required");
            }
            if (a.deadLetters != null && !a.deadLetters.equals("list") && a.ids.isEmpty() && !a.all) {
                throw new IllegalArgumentException("--dead-letters " + a.deadLetters + " needs --ids or --all");
            }
            return a;
        }

        private void property(String pair) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a property is key=value, not '" + pair + "'");
            }
            properties.put(pair.substring(0, eq), pair.substring(eq + 1));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int number(String text, String option) {
            try {
                return Integer.parseInt(text.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " expects a number, not '" + text + "'", e);
            }
        }

        private static RecordType recordType(String text) {
            try {
                return RecordType.fromJsonName(text.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--types: unknown type '" + text + "'; expected product, contact, order or custom_event", e);
            }
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException again) {
                    throw new IllegalArgumentException("--changed-since expects an instant (2024-05-01T00:00:00Z) or a date (2024-05-01, "
                            + "midnight UTC), not '" + text + "'", again);
                }
            }
        }
    }
}
