package dev.ometriasync.runtime.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting of ometria-sync, declared once: its key, its type, its default, how a property value is read and
 * what values are valid. The pipeline builder checks its arguments with {@link #check(Object, String)}, the
 * Hibernate integration reads its properties with {@link #read(Map)} (through a {@link SettingsReader}, which
 * collects every problem), and the Spring Boot starter takes its defaults from {@link #defaultValue()}; so the
 * three can never disagree on a default or a limit.
 *
 * <p>A property value may be the typed value itself or its text: durations accept a {@link Duration}, ISO-8601
 * ({@code PT10S}) or a number with a unit ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h}, {@code 7d}).
 * Declared the way Hibernate Search declares its configuration properties: a typed constant per key, built once.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    /** The prefix of every key: {@value}. */
    public static final String PREFIX = "ometria.";

    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final Function<Object, T> parser;
    private final List<Rule<T>> rules;
    private final String reservedReason;

    private Setting(Builder<T> builder) {
        this.key = PREFIX + builder.radical;
        this.type = builder.type;
        this.defaultValue = builder.defaultValue;
        this.parser = builder.parser;
        this.rules = List.copyOf(builder.rules);
        this.reservedReason = builder.reservedReason;
    }

    /**
     * A text setting.
     *
     * @param radical the key without {@value #PREFIX}
     * @return a builder
     */
    public static Builder<String> string(String radical) {
        return new Builder<>(radical, String.class, value -> value.toString().trim());
    }

    /**
     * A whole-number setting.
     *
     * @param radical the key without {@value #PREFIX}
     * @return a builder
     */
    public static Builder<Integer> integer(String radical) {
        return new Builder<>(radical, Integer.class, value -> {
            try {
                return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer");
            }
        });
    }

    /**
     * A setting counted in bytes (or any other long whole number).
     *
     * @param radical the key without {@value #PREFIX}
     * @return a builder
     */
    public static Builder<Long> longInteger(String radical) {
        return new Builder<>(radical, Long.class, value -> {
            try {
                return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer");
            }
        });
    }

    /**
     * A decimal-number setting.
     *
     * @param radical the key without {@value #PREFIX}
     * @param expectation what a valid value is, for the message when the text is no number
     * @return a builder
     */
    public static Builder<Double> decimal(String radical, String expectation) {
        return new Builder<>(radical, Double.class, value -> {
            try {
                return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + expectation);
            }
        });
    }

    /**
     * A true/false setting.
     *
     * @param radical the key without {@value #PREFIX}
     * @return a builder
     */
    public static Builder<Boolean> bool(String radical) {
        return new Builder<>(radical, Boolean.class, value -> {
            String text = value.toString().trim();
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(text);
        });
    }

    /**
     * A duration setting; never negative.
     *
     * @param radical the key without {@value #PREFIX}
     * @return a builder
     */
    public static Builder<Duration> duration(String radical) {
        return new Builder<>(radical, Duration.class, Durations::parse);
    }

    /**
     * A setting whose text names one of a few values.
     *
     * @param radical the key without {@value #PREFIX}
     * @param type the value type
     * @param parser turns a property value into the value, throwing {@link IllegalArgumentException} that says
     *     what was expected
     * @param <T> the value type
     * @return a builder
     */
    public static <T> Builder<T> parsed(String radical, Class<T> type, Function<Object, T> parser) {
        return new Builder<>(radical, type, parser);
    }

    /**
     * A setting that takes an object, never text (a listener, a meter registry).
     *
     * @param radical the key without {@value #PREFIX}
     * @param type the class every value must be an instance of
     * @param <T> the value type
     * @return a builder
     */
    public static <T> Builder<T> instance(String radical, Class<T> type) {
        return new Builder<>(radical, type, value -> {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("expected a " + type.getName() + " instance, was a "
                        + value.getClass().getName());
            }
            return type.cast(value);
        });
    }

    /**
     * A key that is known but not supported: setting it fails the start with the reason, rather than being
     * silently ignored.
     *
     * @param radical the key without {@value #PREFIX}
     * @param reason why it is not supported and what to do instead
     * @return the setting
     */
    public static Setting<Object> reserved(String radical, String reason) {
        Builder<Object> builder = new Builder<>(radical, Object.class, value -> value);
        builder.reservedReason = Objects.requireNonNull(reason, "reason");
        return builder.build();
    }

    /**
     * The full key.
     *
     * @return such as {@code ometria.queue.max-records}
     */
    public String key() {
        return key;
    }

    /**
     * The type of the value.
     *
     * @return the class
     */
    public Class<T> type() {
        return type;
    }

    /**
     * The value when the property is absent.
     *
     * @return the default, or null when the setting has none
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * Whether the key is reserved: known, but setting it is an error.
     *
     * @return true for a reserved key
     */
    public boolean isReserved() {
        return reservedReason != null;
    }

    /**
     * Checks a typed value, as a builder setter does.
     *
     * @param value the value
     * @param name how the message names the setting (a builder names its method, such as {@code maxBatchSize})
     * @return the value
     * @throws IllegalArgumentException naming the setting and what a valid value is
     * @throws NullPointerException when the value is null
     */
    public T check(T value, String name) {
        Objects.requireNonNull(value, name);
        for (Rule<T> rule : rules) {
            String problem = rule.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(rule.expectation == null ? problem
                        : name + " must be " + rule.expectation + ", got " + value);
            }
        }
        return value;
    }

    /**
     * Reads the setting from properties.
     *
     * @param properties such as Hibernate's settings
     * @return the value, or the default when the property is absent or blank
     * @throws IllegalArgumentException naming the key, what was expected and what was found
     */
    public T read(Map<String, ?> properties) {
        Object raw = properties.get(key);
        if (raw == null || raw.toString().isBlank()) {
            return defaultValue;
        }
        return parse(raw);
    }

    /**
     * Parses and checks one property value.
     *
     * @param raw the value: the typed value or its text
     * @return the value
     * @throws IllegalArgumentException naming the key, what was expected and what was found
     */
    public T parse(Object raw) {
        if (reservedReason != null) {
            throw new IllegalArgumentException(key + " is not supported: " + reservedReason);
        }
        T value;
        try {
            value = parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage() + " (was '" + raw + "')", e);
        }
        for (Rule<T> rule : rules) {
            String problem = rule.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(rule.expectation == null ? key + ": " + problem
                        : rule.mustBe ? key + " must be " + rule.expectation + ", was " + raw
                        : key + ": expected " + rule.expectation + " (was '" + raw + "')");
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return key;
    }

    /** A condition on valid values; with no expectation, the check throws its own message. */
    private record Rule<T>(Predicate<T> holds, Consumer<T> validator, String expectation, boolean mustBe) {
        String problem(T value) {
            if (validator != null) {
                try {
                    validator.accept(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            }
            return holds.test(value) ? null : expectation;
        }
    }

    /**
     * Builds a {@link Setting}.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private final String radical;
        private final Class<T> type;
        private final Function<Object, T> parser;
        private final List<Rule<T>> rules = new ArrayList<>();
        private T defaultValue;
        private String reservedReason;

        private Builder(String radical, Class<T> type, Function<Object, T> parser) {
            if (!radical.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
                throw new IllegalArgumentException("not a setting key: " + radical);
            }
            this.radical = radical;
            this.type = type;
            this.parser = parser;
        }

        /**
         * The value when the property is absent.
         *
         * @param defaultValue the default
         * @return this builder
         */
        public Builder<T> withDefault(T defaultValue) {
            this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
            return this;
        }

        /**
         * A condition on valid values, reported as "{@code <key>: expected <expectation> (was '<value>')}".
         *
         * @param holds the condition
         * @param expectation what a valid value is, such as {@code an integer from 1 to 100}
         * @return this builder
         */
        public Builder<T> expect(Predicate<T> holds, String expectation) {
            rules.add(new Rule<>(holds, null, expectation, false));
            return this;
        }

        /**
         * A condition on valid values, reported as "{@code <key> must be <expectation>, was <value>}".
         *
         * @param holds the condition
         * @param expectation what a valid value is, such as {@code at least 1s}
         * @return this builder
         */
        public Builder<T> mustBe(Predicate<T> holds, String expectation) {
            rules.add(new Rule<>(holds, null, expectation, true));
            return this;
        }

        /**
         * A check that throws {@link IllegalArgumentException} with its own message for an invalid value.
         *
         * @param validator the check
         * @return this builder
         */
        public Builder<T> validatedBy(Consumer<T> validator) {
            rules.add(new Rule<>(null, validator, null, false));
            return this;
        }

        /**
         * The setting.
         *
         * @return the declared setting
         */
        public Setting<T> build() {
            Setting<T> setting = new Setting<>(this);
            if (defaultValue != null) {
                setting.check(defaultValue, setting.key);
            }
            return setting;
        }
    }
}
