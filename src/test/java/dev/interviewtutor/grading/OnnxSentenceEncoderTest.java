package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batched embedding path agrees with LangChain4j's one-text-per-call path. */
class OnnxSentenceEncoderTest {
  private static final OnnxSentenceEncoder ENCODER =
      OnnxSentenceEncoder.shared(EmbeddingModelChoice.DEFAULT);

  private static final List<String> TEXTS =
      List.of(
          "Node.js runs JavaScript on a single event loop",
          "so to use every core you start several processes with the cluster module or PM2",
          "nginx",
          "In production you put a load balancer such as nginx in front of many instances and add servers when "
              + "traffic grows.",
          "",
          "Keep the APIs stateless and store sessions in Redis.",
          "the cluster module",
          "PM2");

  @Test
  void should_give_exactly_the_one_text_per_call_embeddings() {
    float[][] lean = ENCODER.embed(TEXTS);
    float[][] single = ENCODER.embedOneByOne(TEXTS);
    assertEquals(TEXTS.size(), lean.length);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertArrayEquals(single[i], lean[i], 1e-6f, "text " + i);
    }
  }

  @Test
  void should_give_nearly_the_same_embeddings_when_batched() {
    OnnxSentenceEncoder batched = OnnxSentenceEncoder.load(EmbeddingModelChoice.DEFAULT, 1_000);
    float[][] b = batched.embed(TEXTS);
    float[][] single = ENCODER.embedOneByOne(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      double cos = SentenceEncoder.cosine(b[i], single[i]);
      // the quantised model scales its activations per call, so batch-mates and padding move a
      // vector a little
      assertTrue(cos > 0.95, "text " + i + " cosine " + cos);
      assertEquals(1.0, SentenceEncoder.cosine(b[i], b[i]), 1e-4, "unit length");
    }
  }

  @Test
  void should_give_duplicates_the_same_vector_and_keep_input_order() {
    List<String> texts =
        List.of("the heap holds objects", "the stack holds calls", "the heap holds objects");
    float[][] v = ENCODER.embed(texts);
    assertArrayEquals(v[0], v[2]);
    assertTrue(SentenceEncoder.cosine(v[0], v[1]) < 0.99, "different texts differ");
  }

  @Test
  void should_be_deterministic() {
    float[][] a = ENCODER.embed(TEXTS);
    float[][] b = ENCODER.embed(TEXTS);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]);
    }
  }

  @Test
  void should_embed_a_text_longer_than_the_model_window() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      sb.append("The event loop runs callbacks when their I/O completes. ");
    }
    List<String> texts = new ArrayList<>(List.of(sb.toString(), "the event loop runs callbacks"));
    float[][] v = ENCODER.embed(texts);
    float[][] single = ENCODER.embedOneByOne(texts);
    assertArrayEquals(single[0], v[0], 1e-5f);
    assertTrue(SentenceEncoder.cosine(v[0], v[1]) > 0.5, "long text still about the event loop");
  }
}
