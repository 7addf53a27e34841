package com.chatgptconnector.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StampedCacheTest {

    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return key + "#" + reads.incrementAndGet();
    }

    @Test
    void underTheSameStampTheRowIsReadOnceAndAfterAChangeItIsReadAgain() {
        StampedCache<String, String> cache = new StampedCache<>(10);
        assertEquals("alice#1", cache.get(7, "alice", this::read));
        assertEquals("alice#1", cache.get(7, "alice", this::read));
        assertEquals("alice#2", cache.get(8, "alice", this::read), "a new stamp: read again");
        assertEquals("alice#2", cache.get(8, "alice", this::read));
        assertEquals("alice#3", cache.get(7, "alice", this::read), "an older stamp is not the kept one either");
        assertEquals(3, reads.get());
    }

    @Test
    void anAbsentRowIsKeptAsAbsentUntilTheNextChange() {
        StampedCache<String, Optional<String>> cache = new StampedCache<>(10);
        assertEquals(Optional.empty(), cache.get(1, "nobody", key -> { reads.incrementAndGet(); return Optional.empty(); }));
        assertEquals(Optional.empty(), cache.get(1, "nobody", key -> Optional.of("not asked")));
        assertEquals(Optional.of("now here"), cache.get(2, "nobody", key -> Optional.of("now here")));
        assertEquals(1, reads.get());
    }

    @Test
    void valuesNotWorthKeepingAreReadEveryTime() {
        StampedCache<String, String> cache = new StampedCache<>(10, value -> value.length() < 8);
        assertEquals("long-key#1", cache.get(1, "long-key", this::read));
        assertEquals("long-key#2", cache.get(1, "long-key", this::read));
        assertEquals("k#3", cache.get(1, "k", this::read));
        assertEquals("k#3", cache.get(1, "k", this::read));
    }

    @Test
    void beyondItsCapacityTheCacheStartsOver() {
        StampedCache<String, String> cache = new StampedCache<>(2);
        cache.get(1, "a", this::read);
        cache.get(1, "b", this::read);
        cache.get(1, "c", this::read);
        assertEquals("c#3", cache.get(1, "c", this::read), "the newest entry survives");
        assertEquals("a#4", cache.get(1, "a", this::read), "older ones were dropped");
    }
}
