package dev.ometriasync.runtime.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses in text that is about to be logged or put into a reason: {@code john.doe@example.com}
 * becomes {@code j***@example.com}. The domain stays readable because it is what helps when diagnosing
 * a typo ({@code @gmial.com}); the local part is what identifies a person.
 *
 * <p>Everything in the runtime that logs a value or builds a reason from data passes it through here, so
 * one pattern decides what counts as an address.
 */
public final class EmailMasker {

    /*
     * Deliberately broad: anything that looks like local@domain.tld. The local part is either quoted ("john doe")
     * or made of letters and digits of any script (RFC 6531 allows UTF-8: jörg.müller) and the characters RFC 5322
     * allows unquoted; domain labels may be internationalized (münchen.de, пример.рф) or punycode (xn--p1ai).
     * Over-masking a log line is harmless; under-masking leaks personal data.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?:\"(?:[^\"\\\\\\r\\n]|\\\\.)+\"|[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~.-]+)"
                    + "@([\\p{L}\\p{M}\\p{N}-]+(?:\\.[\\p{L}\\p{M}\\p{N}-]+)*\\.(?:\\p{L}[\\p{L}\\p{M}]+|xn--[\\p{Alnum}-]+))");

    private EmailMasker() {
    }

    /**
     * Masks every e-mail address in a text.
     *
     * @param text any text, may be null
     * @return the text with each address's local part reduced to its first character and {@code ***}; null for null
     */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher matcher = EMAIL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String replacement = new String(Character.toChars(text.codePointAt(matcher.start()))) + "***@" + matcher.group(1);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Wraps a log argument so that it is masked only if the message is actually formatted:
     * {@code log.debug("sending {}", EmailMasker.masked(value))} costs nothing when DEBUG is off.
     *
     * @param value any value, may be null
     * @return an object whose {@code toString()} is the masked {@code String.valueOf(value)}
     */
    public static Object masked(Object value) {
        return new Masked(value);
    }

    private record Masked(Object value) {
        @Override
        public String toString() {
            return mask(String.valueOf(value));
        }
    }
}
