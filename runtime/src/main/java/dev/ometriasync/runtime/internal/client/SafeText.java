package dev.ometriasync.runtime.internal.client;

import dev.ometriasync.runtime.logging.EmailMasker;

/** Makes text that came from outside (a response body, an exception message) safe to log. */
final class SafeText {

    private SafeText() {
    }

    /**
     * Masks e-mail addresses and blanks out the API key.
     *
     * @param text the text, may be null
     * @param apiKey the key to remove
     * @return the safe text
     */
    static String of(String text, ApiKey apiKey) {
        if (text == null) {
            return null;
        }
        return EmailMasker.mask(apiKey.redactFrom(text));
    }
}
