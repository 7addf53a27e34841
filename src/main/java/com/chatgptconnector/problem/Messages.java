package com.chatgptconnector.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible texts in German and English. Everything a client reads as a sentence comes
 * from {@code messages*.properties}, so both languages stay complete side by side.
 */
public final class Messages {

    public static final Locale GERMAN = Locale.GERMAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "messages";

    private Messages() {
    }

    /** The first supported language in the client's preference order; English otherwise. */
    public static Locale pick(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String language = locale.getLanguage();
                if ("de".equals(language)) {
                    return GERMAN;
                }
                if ("en".equals(language)) {
                    return ENGLISH;
                }
            }
        }
        return ENGLISH;
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern = lookup(locale, key);
        if (pattern == null) {
            return key;
        }
        Object[] values = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof MessageText text) {
                values[i] = text(locale, text.key());
            }
        }
        // always through MessageFormat, so quoting rules in the bundles are the same for every text
        return new MessageFormat(pattern, locale).format(values);
    }

    /** The text for the key, or null where the bundle has none (e.g. an optional advice). */
    public static String optionalText(Locale locale, String key, Object... args) {
        return lookup(locale, key) == null ? null : text(locale, key, args);
    }

    private static String lookup(Locale locale, String key) {
        try {
            // no fallback to the JVM's default locale: English is the base bundle
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
