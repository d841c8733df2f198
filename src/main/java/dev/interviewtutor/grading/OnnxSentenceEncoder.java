package dev.interviewtutor.grading;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.interviewtutor.UserFacingException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process ONNX sentence encoder with its own session options: one intra-op thread per call, so that
 * concurrent graders do not fight over the machine's two cores and a single answer is fast on a busy machine.
 * (The bundled LangChain4j model classes build their session with defaults that use every core.)
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEncoder.class);
  private static final ConcurrentHashMap<EmbeddingModelChoice, OnnxSentenceEncoder> SHARED = new ConcurrentHashMap<>();
  /** Embeds a batch in the caller's thread: no pool, deterministic order. */
  private static final Executor SAME_THREAD = Runnable::run;

  private final EmbeddingModelChoice choice;
  private final Model model;
  private final long loadMillis;

  private OnnxSentenceEncoder(EmbeddingModelChoice choice) {
    this.choice = choice;
    long start = System.nanoTime();
    ensureTokenizerCacheDir();
    byte[] modelBytes = resource(choice.modelResource());
    try (InputStream tokenizer = stream(choice.tokenizerResource())) {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(modelBytes, options);
      this.model = new Model(new OnnxBertBiEncoder(env, session, tokenizer, choice.pooling()));
    } catch (OrtException | IOException e) {
      throw new IllegalStateException("cannot load embedding model " + choice.id() + ": " + e.getMessage(), e);
    }
    this.loadMillis = (System.nanoTime() - start) / 1_000_000;
    LOG.debug("loaded embedding model {} in {} ms", choice.id(), loadMillis);
  }

  /** The process-wide encoder for a model, loaded on first use (loading takes about half a second). */
  public static OnnxSentenceEncoder shared(EmbeddingModelChoice choice) {
    return SHARED.computeIfAbsent(choice, OnnxSentenceEncoder::new);
  }

  /** A fresh encoder (for measuring load time). */
  public static OnnxSentenceEncoder load(EmbeddingModelChoice choice) {
    return new OnnxSentenceEncoder(choice);
  }

  public long loadMillis() {
    return loadMillis;
  }

  @Override
  public String name() {
    return choice.id();
  }

  @Override
  public float[][] embed(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(choice.prefix() + (t.isBlank() ? "." : t))).toList();
    List<Embedding> embeddings = model.embedAll(segments).content();
    float[][] out = new float[embeddings.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embeddings.get(i).vector();
    }
    return out;
  }

  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(SAME_THREAD);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = stream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static InputStream stream(String name) {
    InputStream in = OnnxSentenceEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new UserFacingException("embedding model file " + name + " is not on the classpath; the models other "
          + "than the default need the Maven profile compare-models (mvn -Pcompare-models ...)");
    }
    return in;
  }

  /**
   * The tokenizer's native library is unpacked into DJL's cache (~/.djl.ai). A container user without a
   * writable home gets a directory under java.io.tmpdir instead.
   */
  private static void ensureTokenizerCacheDir() {
    if (System.getProperty("DJL_CACHE_DIR") != null || System.getenv("DJL_CACHE_DIR") != null) {
      return;
    }
    Path home = Path.of(System.getProperty("user.home", "/nonexistent"), ".djl.ai");
    try {
      Files.createDirectories(home);
      if (Files.isWritable(home)) {
        return;
      }
    } catch (IOException | SecurityException e) {
      // fall through to the temp dir
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "interview-tutor-djl");
    System.setProperty("DJL_CACHE_DIR", tmp.toString());
    LOG.debug("home not writable; tokenizer native library goes to {}", tmp);
  }
}
