package dev.interviewtutor.grading.llm;

import dev.interviewtutor.grading.Grade;
import java.util.Optional;
import java.util.Set;

/**
 * Where the LLM grader remembers grades, keyed by question id, rubric version and answer hash (see
 * {@link LlmGrader#cacheKey}). Implementations are thread-safe.
 */
public interface GradeCache {
  Optional<Grade> get(String key);

  void put(String key, Grade grade);

  /** Removes the grades of these answers (hashes as {@link #answerHash}). */
  void forget(Set<String> answerHashes);

  /** The SHA-256 (hex) of an answer, as the last part of every cache key. */
  static String answerHash(String answer) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The answer hash inside a key made by {@link LlmGrader#cacheKey}. */
  static String answerHashOfKey(String key) {
    return key.substring(key.lastIndexOf('\u0000') + 1);
  }

  /** An in-memory least-recently-used cache. */
  static GradeCache inMemory(int capacity) {
    LruCache<String, Grade> lru = new LruCache<>(capacity);
    return new GradeCache() {
      @Override
      public Optional<Grade> get(String key) {
        return lru.get(key);
      }

      @Override
      public void put(String key, Grade grade) {
        lru.put(key, grade);
      }

      @Override
      public void forget(Set<String> answerHashes) {
        lru.removeKeysIf(key -> answerHashes.contains(answerHashOfKey(key)));
      }
    };
  }

  /**
   * Memory in front of {@code slower} (a database): hits in the slower cache are kept in memory
   * too.
   */
  static GradeCache layered(GradeCache memory, GradeCache slower) {
    return new GradeCache() {
      @Override
      public Optional<Grade> get(String key) {
        Optional<Grade> hit = memory.get(key);
        if (hit.isPresent()) {
          return hit;
        }
        Optional<Grade> stored = slower.get(key);
        stored.ifPresent(g -> memory.put(key, g));
        return stored;
      }

      @Override
      public void put(String key, Grade grade) {
        memory.put(key, grade);
        slower.put(key, grade);
      }

      @Override
      public void forget(Set<String> answerHashes) {
        memory.forget(answerHashes);
        slower.forget(answerHashes);
      }
    };
  }
}
