package dev.interviewtutor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interviewtutor.grading.EmbeddingModelChoice;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.OnnxSentenceEncoder;
import dev.interviewtutor.grading.eval.Metrics;
import dev.interviewtutor.grading.text.Lexicon;
import dev.interviewtutor.knowledge.ReferenceAnswerRubrics;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.SampleAnswer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tutor bench}: speed of the shipped offline grader (with its calibration) on this machine.
 * Model load time (first load in a fresh JVM), per-answer latency of a 60-word answer (p50/p99, one
 * thread) and throughput with several threads.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure offline grading speed on this machine.")
public final class BenchCommand implements Callable<Integer> {
  static final String QUESTION = "How does Node.js scale?";
  static final String REFERENCE =
      "Node.js scales with processes and infrastructure, not threads per request. "
          + "Clustering runs multiple processes, a load balancer spreads requests, you scale horizontally by adding "
          + "machines, and APIs stay stateless so any instance can serve any request.";

  /** 60 words, four sentences: a typical practice answer. */
  static final String ANSWER =
      "Node.js runs JavaScript on a single event loop, so to use every core you start "
          + "several processes with the cluster module or PM2. In production you put a load balancer such as nginx in "
          + "front of many instances and add servers when traffic grows. Keep the APIs stateless and store sessions in "
          + "Redis. That way any instance can answer any request.";

  /** Graded sample answers for {@code --with-samples}: a question's worth, right and wrong. */
  static final List<SampleAnswer> SAMPLES =
      List.of(
          new SampleAnswer(
              "Run one process per core with cluster or PM2 behind a load balancer.", 1),
          new SampleAnswer("Add more machines behind nginx and keep every instance stateless.", 1),
          new SampleAnswer(
              "Scale horizontally: many identical stateless processes, sessions in Redis.", 1),
          new SampleAnswer(
              "It starts one process per CPU core and spreads requests across them.", 1),
          new SampleAnswer("Use more servers.", 0.5),
          new SampleAnswer(
              "Node gives each request its own thread, so it scales by adding threads.", 0),
          new SampleAnswer(
              "Buy a bigger machine with more CPU and memory; that is how Node scales.", 0),
          new SampleAnswer("Node scales automatically because JavaScript is multi-threaded.", 0),
          new SampleAnswer("Keep sessions in each process's memory so requests stick to it.", 0),
          new SampleAnswer("Use worker threads for every incoming HTTP request.", 0));

  @Spec CommandSpec spec;

  @Option(
      names = "--with-samples",
      description =
          "Give the benchmark question "
              + "10 graded sample answers (a bank's Sample Answers section), to time the sample vote")
  boolean withSamples;

  @Option(
      names = "--answers",
      defaultValue = "1000",
      description = "Answers to time (default ${DEFAULT-VALUE})")
  int answers;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Threads for the throughput run (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--model",
      defaultValue = "all-minilm-l6-v2-q",
      description = "Embedding model (default ${DEFAULT-VALUE})")
  String model;

  @Option(
      names = "--batch-padding",
      defaultValue = "-1",
      description =
          "Let texts of similar length share one "
              + "padded ONNX call when that adds at most N token positions (default ${DEFAULT-VALUE}: one call per text)")
  int batchPadding;

  @Option(names = "--json", description = "Print the results as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    // Progress on stderr (the results, maybe JSON, go to stdout): the whole run takes tens of
    // seconds.
    PrintWriter progress = spec.commandLine().getErr();
    EmbeddingModelChoice choice = EmbeddingModelChoice.byId(model);
    progress.println("bench: loading the embedding model " + model + "...");
    progress.flush();
    OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(choice, batchPadding);
    OfflineGrader grader =
        new OfflineGrader(encoder); // with the shipped calibration, as every front-end grades
    Rubric plain = ReferenceAnswerRubrics.of("bench", QUESTION, REFERENCE);
    Rubric rubric = withSamples ? plain.withSamples(SAMPLES) : plain;
    progress.println("bench: warming up (50 answers)...");
    progress.flush();
    for (int i = 0; i < 50; i++) {
      grader.grade(rubric, ANSWER); // warm-up: JIT, rubric cache
    }
    progress.println("bench: timing " + answers + " answers on one thread...");
    progress.flush();
    double[] millis = new double[answers];
    long start = System.nanoTime();
    for (int i = 0; i < answers; i++) {
      long t = System.nanoTime();
      grader.grade(rubric, ANSWER);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    double singleSeconds = (System.nanoTime() - start) / 1e9;
    progress.println("bench: timing " + answers + " answers on " + threads + " threads...");
    progress.flush();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long multiStart = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < answers; i++) {
        futures.add(pool.submit(() -> grader.grade(rubric, ANSWER)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double multiSeconds = (System.nanoTime() - multiStart) / 1e9;

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", choice.id());
    r.put("model_load_ms", encoder.loadMillis());
    r.put("calibration", grader.calibration().version());
    r.put("batch_padding", batchPadding);
    r.put("sample_answers", rubric.samples().size());
    r.put("answer_words", Lexicon.tokens(ANSWER).size());
    r.put("answers", answers);
    r.put("latency_p50_ms", round(Metrics.percentile(millis, 0.50)));
    r.put("latency_p99_ms", round(Metrics.percentile(millis, 0.99)));
    r.put("answers_per_second_1_thread", round(answers / singleSeconds));
    r.put("answers_per_second_" + threads + "_threads", round(answers / multiSeconds));
    r.put("cpus", Runtime.getRuntime().availableProcessors());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
    } else {
      r.forEach((k, v) -> out.printf(Locale.ROOT, "%-28s %s%n", k, v));
    }
    out.flush();
    return 0;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
