package dev.interviewtutor.grading.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small thread-safe least-recently-used map. */
final class LruCache<K, V> {
  private final Map<K, V> map;

  LruCache(int capacity) {
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<V> get(K key) {
    return Optional.ofNullable(map.get(key));
  }

  synchronized void put(K key, V value) {
    map.put(key, value);
  }

  synchronized void removeKeysIf(java.util.function.Predicate<K> which) {
    map.keySet().removeIf(which);
  }

  synchronized int size() {
    return map.size();
  }
}
