package com.chatgptconnector.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rows read on an earlier request, kept with the change stamp ({@link ChangeStamp}) that request
 * saw. An entry is used only under the same stamp: any change since, on any instance, means a
 * fresh read. The stamp must be read before the row, so a row is never older than its stamp.
 * Absent rows are kept too: an unknown user or a missing membership is asked for just as often.
 */
public final class StampedCache<K, V> {

    private record Entry<V>(long stamp, V value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Predicate<V> worthKeeping;

    /** At most {@code capacity} entries; beyond that the cache starts over rather than track use. */
    public StampedCache(int capacity) {
        this(capacity, value -> true);
    }

    /** As above, keeping only values that pass {@code worthKeeping} (say, not the large ones). */
    public StampedCache(int capacity, Predicate<V> worthKeeping) {
        this.capacity = capacity;
        this.worthKeeping = worthKeeping;
    }

    public V get(long stamp, K key, Function<K, V> read) {
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.stamp() == stamp) {
            return entry.value();
        }
        V value = read.apply(key);
        if (!worthKeeping.test(value)) {
            entries.remove(key);
            return value;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        // a racing request with an older stamp may overwrite a newer entry: it then misses once
        entries.put(key, new Entry<>(stamp, value));
        return value;
    }
}
