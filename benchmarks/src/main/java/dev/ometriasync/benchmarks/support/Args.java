package dev.ometriasync.benchmarks.support;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options with defaults; {@code --help} prints what a harness accepts. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final boolean help;

    /** @param args the command line */
    public Args(String[] args) {
        boolean wantsHelp = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                wantsHelp = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': options are --name value");
            }
        }
        this.help = wantsHelp;
    }

    /** @return whether --help was given */
    public boolean help() {
        return help;
    }

    /**
     * @param name option name without dashes
     * @param fallback the default
     * @return the value
     */
    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * @param name option name without dashes
     * @param fallback the default
     * @return the value
     */
    public int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'", e);
        }
    }

    /**
     * @param name option name without dashes
     * @param fallback the default
     * @return the value
     */
    public double decimal(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'", e);
        }
    }
}
