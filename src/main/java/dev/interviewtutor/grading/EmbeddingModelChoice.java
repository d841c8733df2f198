package dev.interviewtutor.grading;

import dev.interviewtutor.UserFacingException;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The in-process embedding models the offline grader can use. Only the default ships in the jar;
 * the others are on the classpath with the Maven profile {@code compare-models} (for {@code tutor
 * eval --model}).
 */
public enum EmbeddingModelChoice {
  ALL_MINILM_L6_V2_Q(
      "all-minilm-l6-v2-q",
      "all-minilm-l6-v2-q.onnx",
      "all-minilm-l6-v2-q-tokenizer.json",
      PoolingMode.MEAN,
      ""),
  ALL_MINILM_L6_V2(
      "all-minilm-l6-v2",
      "all-minilm-l6-v2.onnx",
      "all-minilm-l6-v2-tokenizer.json",
      PoolingMode.MEAN,
      ""),
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json",
      PoolingMode.CLS,
      ""),
  E5_SMALL_V2_Q(
      "e5-small-v2-q",
      "e5-small-v2-q.onnx",
      "e5-small-v2-q-tokenizer.json",
      PoolingMode.MEAN,
      "query: ");

  /**
   * The model the grader uses unless told otherwise (chosen by the benchmark in
   * docs/grading-benchmark.md).
   */
  public static final EmbeddingModelChoice DEFAULT = ALL_MINILM_L6_V2_Q;

  private final String id;
  private final String modelResource;
  private final String tokenizerResource;
  private final PoolingMode pooling;
  private final String prefix;

  EmbeddingModelChoice(
      String id,
      String modelResource,
      String tokenizerResource,
      PoolingMode pooling,
      String prefix) {
    this.id = id;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.pooling = pooling;
    this.prefix = prefix;
  }

  public String id() {
    return id;
  }

  String modelResource() {
    return modelResource;
  }

  String tokenizerResource() {
    return tokenizerResource;
  }

  PoolingMode pooling() {
    return pooling;
  }

  /** Text put before every input (e5 expects "query: " for symmetric similarity). */
  String prefix() {
    return prefix;
  }

  /**
   * Looks a model up by id ("bge-small-en-v1.5-q"); unknown ids get a message listing the known
   * ones.
   */
  public static EmbeddingModelChoice byId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(m -> m.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new UserFacingException(
                    "unknown embedding model '"
                        + id
                        + "'; known: "
                        + Arrays.stream(values())
                            .map(EmbeddingModelChoice::id)
                            .collect(Collectors.joining(", "))));
  }
}
