package com.chatgptconnector.problem;

/**
 * A detail argument that is itself a text of the bundles, e.g. {@code status.ACTIVE}: rendered in
 * the caller's language like the sentence around it, so a German sentence never quotes an English
 * enum name. Problem extensions keep the stable name for machines.
 */
public record MessageText(String key) {

    public static MessageText of(String key) {
        return new MessageText(key);
    }
}
