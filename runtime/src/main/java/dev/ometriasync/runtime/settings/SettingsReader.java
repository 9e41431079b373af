package dev.ometriasync.runtime.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads settings from a property map (Hibernate's settings, say), collecting every problem instead of failing at
 * the first, so that a misconfigured application fails at start with one message naming each wrong property.
 */
public final class SettingsReader {

    private final Map<String, ?> properties;
    private final List<String> problems = new ArrayList<>();

    /**
     * A reader of the given properties.
     *
     * @param properties the property map; keys outside {@value Setting#PREFIX} are ignored
     */
    public SettingsReader(Map<String, ?> properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /**
     * Reads one setting; a problem is collected and the default returned.
     *
     * @param setting the setting
     * @param <T> its type
     * @return the value, or the default when the property is absent, blank or invalid
     */
    public <T> T read(Setting<T> setting) {
        try {
            return setting.read(properties);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return setting.defaultValue();
        }
    }

    /**
     * Adds a problem found by a check across settings.
     *
     * @param problem names the properties and what is wrong
     */
    public void problem(String problem) {
        problems.add(problem);
    }

    /**
     * The problems so far.
     *
     * @return one message per invalid property
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Fails when any problem was found.
     *
     * @param what names the configuration in the message, such as {@code ometria-sync configuration}
     * @throws IllegalArgumentException listing every problem
     */
    public void throwIfInvalid(String what) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid " + what + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    /**
     * The {@value Setting#PREFIX} keys of the properties that no setting declares, each with the closest declared
     * key: {@code ometria.mdoe} is most likely {@code ometria.mode}.
     *
     * @param properties the property map
     * @param declared every declared setting
     * @return one message per unknown key, sorted; empty when every key is known
     */
    public static List<String> unknownKeys(Map<String, ?> properties, Collection<Setting<?>> declared) {
        Set<String> known = declared.stream().map(Setting::key).collect(Collectors.toSet());
        List<String> messages = new ArrayList<>();
        for (String key : new TreeSet<>(properties.keySet())) {
            if (key.startsWith(Setting.PREFIX) && !known.contains(key)) {
                messages.add("Unknown setting " + key + " is ignored; did you mean " + closest(key, known) + "?");
            }
        }
        return messages;
    }

    /** The known key at the smallest edit distance (ties: the first in alphabetical order). */
    static String closest(String key, Collection<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        return known.stream().sorted()
                .min((a, b) -> Integer.compare(distance(lower, a), distance(lower, b)))
                .orElse("?");
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit (mdoe → mode). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
