package com.chatgptconnector.openai;

import java.util.regex.Pattern;

/** Whether a text OpenAI wrote quotes an API key, whole or masked ({@code sk-...}, {@code sk-proj-****abcd}). */
final class KeyFragments {

    private static final Pattern KEY = Pattern.compile("(?i)(?<![a-z0-9])sk-[a-z0-9_*\\-.]{2,}");

    private KeyFragments() {
    }

    static boolean present(String text) {
        return KEY.matcher(text).find();
    }
}
