package com.chatgptconnector.usage;

import com.chatgptconnector.problem.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the request list ends: the time and id of its last record. The next page
 * starts strictly after it in (occurred_at desc, id desc) order, so records written meanwhile
 * neither shift nor repeat what a client already has (keyset paging). Clients get it as an
 * opaque string.
 */
public record RequestCursor(Instant occurredAt, long id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((occurredAt + "~" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; null or blank: the first page. */
    public static RequestCursor parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            int tilde = plain.indexOf('~');
            if (tilde < 0) {
                throw ValidationException.of(field, "cursor");
            }
            return new RequestCursor(Instant.parse(plain.substring(0, tilde)), Long.parseLong(plain.substring(tilde + 1)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw ValidationException.of(field, "cursor");
        }
    }
}
