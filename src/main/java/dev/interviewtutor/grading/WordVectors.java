package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.Lexicon;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeddings of single content words, for a soft word alignment between an answer and its reference
 * ("pointer" ~ "reference", "allocate" ~ "reserve"): the lexical signal that stems and synonyms
 * miss. A bounded LRU cache shared by all answers a grader sees, so that a word is embedded once.
 */
final class WordVectors {
  /** About 15 MB of vectors at 384 dimensions. */
  private static final int CAPACITY = 10_000;

  private final Map<String, float[]> cache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CAPACITY;
        }
      };

  /**
   * The content words of a text: no stopwords, no single letters, none whose stem is in {@code
   * dropStems}.
   */
  static List<String> contentWords(String text, Set<String> dropStems) {
    List<String> out = new ArrayList<>();
    for (String t : Lexicon.tokens(text)) {
      if (!Lexicon.isStopword(t)
          && t.length() > 1
          && !dropStems.contains(Lexicon.stem(t))
          && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The cached vectors of these words, or null for a word not embedded yet. */
  float[][] lookup(List<String> words) {
    float[][] out = new float[words.size()][];
    synchronized (cache) {
      for (int i = 0; i < words.size(); i++) {
        out[i] = cache.get(words.get(i));
      }
    }
    return out;
  }

  void store(List<String> words, float[][] vectors, int offset) {
    synchronized (cache) {
      for (int i = 0; i < words.size(); i++) {
        cache.putIfAbsent(words.get(i), vectors[offset + i]);
      }
    }
  }

  /**
   * The mean over the wanted words of their best match among the words had: 1 for the same stem,
   * else the cosine of the word embeddings. 0 when either side has no words.
   */
  static double softRecall(
      List<String> want, float[][] wantVectors, List<String> have, float[][] haveVectors) {
    if (want.isEmpty() || have.isEmpty()) {
      return 0;
    }
    Set<String> haveStems = new HashSet<>();
    for (String h : have) {
      haveStems.add(Lexicon.stem(h));
    }
    double sum = 0;
    for (int i = 0; i < want.size(); i++) {
      if (haveStems.contains(Lexicon.stem(want.get(i)))) {
        sum += 1;
        continue;
      }
      double best = 0;
      for (float[] h : haveVectors) {
        best = Math.max(best, SentenceEncoder.cosine(wantVectors[i], h));
      }
      sum += best;
    }
    return sum / want.size();
  }
}
