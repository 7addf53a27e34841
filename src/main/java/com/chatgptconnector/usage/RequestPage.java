package com.chatgptconnector.usage;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * A page of the request list, newest first; {@code next} fetches the older ones. It is written
 * as {@code null} on the last page (not left out), so a client can tell the end from an old server.
 */
@JsonbNillable
public record RequestPage(List<RequestView> items, String next) {
}
