package dev.interviewtutor.grading;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.interviewtutor.UserFacingException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process ONNX sentence encoder with its own session options: one intra-op thread per call,
 * so that concurrent graders do not fight over the machine's two cores and a single answer is fast
 * on a busy machine. (The bundled LangChain4j model classes build their session with defaults that
 * use every core.)
 *
 * <p>{@link #embed(List)} embeds each distinct text once, tokenizes it once (LangChain4j's path
 * tokenizes three times per text) and runs ONNX Runtime directly, mean-pooling only real tokens;
 * the vectors are bit-identical to LangChain4j's. Optionally ({@link #load(EmbeddingModelChoice,
 * int)}) texts of similar length share one padded call. LangChain4j's path is kept for texts longer
 * than the model's 512-token window, which it splits and averages.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEncoder.class);
  private static final ConcurrentHashMap<EmbeddingModelChoice, OnnxSentenceEncoder> SHARED =
      new ConcurrentHashMap<>();

  /** Embeds a batch in the caller's thread: no pool, deterministic order. */
  private static final Executor SAME_THREAD = Runnable::run;

  /** Padding budget meaning "one ONNX call per distinct text". */
  public static final int UNBATCHED = -1;

  /** BERT's window: 512 positions including [CLS] and [SEP]. */
  private static final int MAX_TOKENS = 512;

  /** Padded positions (batch size × longest text) one call may carry before it is split. */
  private static final int MAX_BATCH_CELLS = 4096;

  private final EmbeddingModelChoice choice;
  private final Model model;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTokenTypes;
  private final int batchPadding;
  private final long loadMillis;

  private OnnxSentenceEncoder(EmbeddingModelChoice choice, int batchPadding) {
    this.choice = choice;
    this.batchPadding = batchPadding;
    long start = System.nanoTime();
    ensureTokenizerCacheDir();
    byte[] modelBytes = resource(choice.modelResource());
    byte[] tokenizerBytes = resource(choice.tokenizerResource());
    OnnxNativeLibraries.prepare(); // no /tmp/onnxruntime-java* left behind, no 16 MB copy per start
    try {
      this.env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(modelBytes, options);
      this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
      this.model =
          new Model(
              new OnnxBertBiEncoder(
                  env, session, new ByteArrayInputStream(tokenizerBytes), choice.pooling()));
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              new ByteArrayInputStream(tokenizerBytes),
              Map.of("padding", "false", "truncation", "false"));
    } catch (OrtException | IOException e) {
      throw new IllegalStateException(
          "cannot load embedding model " + choice.id() + ": " + e.getMessage(), e);
    }
    this.loadMillis = (System.nanoTime() - start) / 1_000_000;
    LOG.debug("loaded embedding model {} in {} ms", choice.id(), loadMillis);
  }

  /**
   * The process-wide encoder for a model, loaded on first use (loading takes about half a second).
   */
  public static OnnxSentenceEncoder shared(EmbeddingModelChoice choice) {
    return SHARED.computeIfAbsent(choice, c -> new OnnxSentenceEncoder(c, UNBATCHED));
  }

  /** A fresh encoder, one ONNX call per distinct text (for measuring load time). */
  public static OnnxSentenceEncoder load(EmbeddingModelChoice choice) {
    return new OnnxSentenceEncoder(choice, UNBATCHED);
  }

  /**
   * A fresh encoder that runs texts of similar length in one padded ONNX call when padding them
   * costs at most {@code batchPadding} extra token positions ({@value #UNBATCHED}: never). Not the
   * default: the quantised model scales its activations per call, so a text's vector depends
   * slightly on its batch-mates (cosine 0.97-0.995 to the unbatched vector), and on this model the
   * time saved is small (see docs/grading-benchmark.md).
   */
  public static OnnxSentenceEncoder load(EmbeddingModelChoice choice, int batchPadding) {
    return new OnnxSentenceEncoder(choice, batchPadding);
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
    // each distinct text once
    Map<String, Integer> slot = new LinkedHashMap<>();
    int[] slotOf = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      String t = choice.prefix() + (texts.get(i).isBlank() ? "." : texts.get(i));
      slotOf[i] = slot.computeIfAbsent(t, k -> slot.size());
    }
    List<String> distinct = new ArrayList<>(slot.keySet());
    float[][] vectors = new float[distinct.size()][];
    Encoding[] encodings = tokenizer.batchEncode(distinct, true, false);
    List<Integer> batchable = new ArrayList<>();
    List<Integer> tooLong = new ArrayList<>();
    for (int i = 0; i < encodings.length; i++) {
      (encodings[i].getIds().length <= MAX_TOKENS ? batchable : tooLong).add(i);
    }
    batchable.sort(Comparator.comparingInt(i -> encodings[i].getIds().length));
    int from = 0;
    for (int to = 1; to <= batchable.size(); to++) {
      boolean last = to == batchable.size();
      if (last || !fits(encodings, batchable, from, to)) {
        runBatch(encodings, batchable.subList(from, to), vectors);
        from = to;
      }
    }
    if (!tooLong.isEmpty()) {
      List<TextSegment> segments =
          tooLong.stream().map(i -> TextSegment.from(distinct.get(i))).toList();
      List<Embedding> embeddings = model.embedAll(segments).content();
      for (int k = 0; k < tooLong.size(); k++) {
        vectors[tooLong.get(k)] = embeddings.get(k).vector();
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vectors[slotOf[i]];
    }
    return out;
  }

  /**
   * Whether texts {@code from..to} (sorted by length) may share one call: padding all of them to
   * the longest may add at most {@link #batchPadding} cells, and the call stays within the size
   * cap.
   */
  private boolean fits(Encoding[] encodings, List<Integer> sorted, int from, int to) {
    if (batchPadding < 0) {
      return false;
    }
    int longest = encodings[sorted.get(to)].getIds().length;
    int n = to - from + 1;
    if ((long) n * longest > MAX_BATCH_CELLS) {
      return false;
    }
    long real = 0;
    for (int k = from; k <= to; k++) {
      real += encodings[sorted.get(k)].getIds().length;
    }
    return (long) n * longest - real <= batchPadding;
  }

  private void runBatch(Encoding[] encodings, List<Integer> members, float[][] vectors) {
    int n = members.size();
    int len = 0;
    for (int i : members) {
      len = Math.max(len, encodings[i].getIds().length);
    }
    long[] ids = new long[n * len];
    long[] mask = new long[n * len];
    long[] types = new long[n * len];
    for (int r = 0; r < n; r++) {
      Encoding e = encodings[members.get(r)];
      long[] eIds = e.getIds();
      long[] eMask = e.getAttentionMask();
      long[] eTypes = e.getTypeIds();
      System.arraycopy(eIds, 0, ids, r * len, eIds.length);
      System.arraycopy(eMask, 0, mask, r * len, eMask.length);
      System.arraycopy(eTypes, 0, types, r * len, eTypes.length);
    }
    long[] shape = {n, len};
    try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", idsT);
      inputs.put("attention_mask", maskT);
      if (wantsTokenTypes) {
        inputs.put("token_type_ids", typesT);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        for (int r = 0; r < n; r++) {
          vectors[members.get(r)] = pool(hidden[r], encodings[members.get(r)].getIds().length);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "embedding model " + choice.id() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Pools the first {@code tokens} positions (the rest is padding) and normalises, as LangChain4j
   * does.
   */
  private float[] pool(float[][] hidden, int tokens) {
    float[] v;
    if (choice.pooling() == PoolingMode.CLS) {
      v = Arrays.copyOf(hidden[0], hidden[0].length);
    } else {
      v = new float[hidden[0].length];
      for (int t = 0; t < tokens; t++) {
        float[] h = hidden[t];
        for (int j = 0; j < v.length; j++) {
          v[j] += h[j];
        }
      }
      for (int j = 0; j < v.length; j++) {
        v[j] /= tokens;
      }
    }
    float sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float norm = (float) Math.sqrt(sum);
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
    return v;
  }

  /**
   * The per-text LangChain4j path (one ONNX call per text): the reference the batched path is
   * tested against.
   */
  float[][] embedOneByOne(List<String> texts) {
    List<TextSegment> segments =
        texts.stream()
            .map(t -> TextSegment.from(choice.prefix() + (t.isBlank() ? "." : t)))
            .toList();
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
      throw new UserFacingException(
          "embedding model file "
              + name
              + " is not on the classpath; the models other "
              + "than the default need the Maven profile compare-models (mvn -Pcompare-models ...)");
    }
    return in;
  }

  /**
   * The tokenizer's native library is unpacked into DJL's cache (~/.djl.ai). A container user
   * without a writable home gets a directory under java.io.tmpdir instead.
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
