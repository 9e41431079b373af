package dev.ometriasync.runtime.internal.pipeline;

import java.util.regex.Pattern;

/** Makes text safe for logs and outcome reasons: e-mail addresses are masked. */
final class LogText {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");

    private LogText() {
    }

    static String safe(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("$1***@$2");
    }
}
