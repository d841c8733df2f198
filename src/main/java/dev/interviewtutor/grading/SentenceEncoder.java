package dev.interviewtutor.grading;

import java.util.List;

/**
 * Turns texts into unit-length sentence embeddings. Implementations are thread-safe and
 * deterministic.
 */
public interface SentenceEncoder {
  /** One L2-normalised vector per text, in order. */
  float[][] embed(List<String> texts);

  /** Model name recorded in benchmarks ("all-minilm-l6-v2-q"). */
  String name();

  /** Cosine similarity of two unit vectors. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  /** The normalised mean of unit vectors (an embedding of the whole text from its sentences). */
  static float[] mean(List<float[]> vectors) {
    float[] out = new float[vectors.get(0).length];
    for (float[] v : vectors) {
      for (int i = 0; i < out.length; i++) {
        out[i] += v[i];
      }
    }
    double norm = 0;
    for (float x : out) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= (float) norm;
      }
    }
    return out;
  }
}
