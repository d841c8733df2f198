package dev.interviewtutor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.AnswerRejectedException;
import dev.interviewtutor.grading.EmbeddingModelChoice;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.OnnxSentenceEncoder;
import dev.interviewtutor.grading.ScoreCalibration;
import dev.interviewtutor.grading.SentenceEncoder;
import dev.interviewtutor.grading.ShippedCalibration;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.grading.eval.Calibration;
import dev.interviewtutor.grading.eval.LabelledFile;
import dev.interviewtutor.grading.eval.Metrics;
import dev.interviewtutor.knowledge.ReferenceAnswerRubrics;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.SampleAnswer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tutor eval --dataset FILE ...}: grades a human-labelled file and prints agreement, speed
 * and latency. By default it measures the shipped grader exactly as the bot and the terminal run it
 * (with the shipped calibration; nothing is fitted at eval time): its score and verdict are
 * compared with the gold. Research mode, {@code --folds COLUMN} (leave one value out) or {@code
 * --train FILE}, fits a calibration or label classifiers at eval time on training rows only and
 * says so in its output. A row the grader refuses (over 4,000 characters, empty) is scored 0 with
 * verdict {@code refused} and counted; it never stops the run.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Grade a labelled CSV/TSV file and print metrics.")
public final class EvalCommand implements Callable<Integer> {
  static final List<String> NUMERIC_GOLD = List.of("score", "score_avg");
  static final List<String> LABEL_GOLD = List.of("label", "label_2way", "label_3way", "label_5way");

  @ParentCommand TutorCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, description = "CSV or TSV file with a header row")
  Path dataset;

  @Option(
      names = "--predictions",
      description =
          "Write row,gold,score,verdict,mistakes (how many mistakes the grade names) per input row"
              + " to this CSV file")
  Path predictionsFile;

  @Option(names = "--json", description = "Print the metrics as JSON")
  boolean json;

  @Option(
      names = "--folds",
      description =
          "Research mode: column whose values define cross-validation folds (leave "
              + "one value out); a calibration is fitted at eval time on the other folds")
  String folds;

  @Option(
      names = "--train",
      description =
          "Research mode: a separate labelled file to fit a calibration on at eval "
              + "time (e.g. SciEntsBank train)")
  Path train;

  @Option(
      names = "--neighbours",
      description =
          "With --train: add similarity to the training answers of the same "
              + "question as features (the 'unseen answers' setting)")
  boolean neighbours;

  @Option(
      names = "--samples",
      description =
          "A labelled file whose answers become each question's graded sample answers (as a bank's"
              + " Sample Answers section does), matched by question_key or question_id: the"
              + " shipped grader's 'unseen answers' setting, e.g. SciEntsBank train for its unseen"
              + " answers. Nothing is fitted.")
  Path samplesFile;

  /** Sample answers per question key, from {@code --samples}. */
  private Map<String, List<SampleAnswer>> samples = Map.of();

  @Option(
      names = "--gold",
      description =
          "Gold column (default: the first of score, score_avg, label, label_2way, "
              + "label_3way, label_5way present)")
  String goldColumn;

  @Option(
      names = "--max-score",
      defaultValue = "5",
      description = "Top of the numeric gold scale (default ${DEFAULT-VALUE})")
  double maxScore;

  @Option(
      names = "--grader",
      defaultValue = "offline",
      description = "offline, llm or hybrid (default ${DEFAULT-VALUE})")
  String graderKind;

  @Option(
      names = "--model",
      description =
          "Embedding model of the offline grader (default all-minilm-l6-v2-q; "
              + "others need the compare-models Maven profile)")
  String model;

  @Option(
      names = "--calibration",
      description =
          "Offline grader's score calibration: a file written by tutor train "
              + "(e.g. one trained with --exclude mohler), or 'none' for the hand-set mapping (default: the shipped one)")
  String calibration;

  @Option(names = "--limit", description = "Grade only the first N rows")
  Integer limit;

  @Option(names = "--quiet", description = "No progress bar")
  boolean quiet;

  /** Ridge penalties chosen per fitted calibration (reported). */
  private final List<Double> lambdas = new ArrayList<>();

  /** One graded row. */
  record Graded(
      LabelledFile.Row row,
      String gold,
      Grade grade,
      double[] features,
      float[] vector,
      String group,
      long nanos,
      boolean refused,
      boolean capped) {}

  /** The verdict written for a row the grader refused (too long, empty). */
  static final String REFUSED = "refused";

  @Override
  public Integer call() throws Exception {
    TutorConfig config = root.config();
    LabelledFile data = limit(LabelledFile.read(dataset));
    String gold = goldColumn(data);
    boolean numeric = NUMERIC_GOLD.contains(gold) || goldColumn != null && isNumeric(data, gold);
    if (folds != null && !data.has(folds)) {
      throw new UserFacingException(
          dataset + ":1: no column '" + folds + "' for --folds; columns: " + data.header());
    }
    long loadStart = System.nanoTime();
    Grader grader = grader(config);
    long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    Map<String, Rubric> bank = data.has("reference_answer") ? Map.of() : BankRubrics.load(config);
    if (samplesFile != null) {
      samples = samplesOf(LabelledFile.read(samplesFile));
    }

    List<Graded> graded = gradeAll(grader, data, gold, bank, "grading " + dataset.getFileName());
    List<Graded> trainGraded = List.of();
    if (train != null) {
      LabelledFile trainData = LabelledFile.read(train);
      if (!trainData.has(gold)) {
        throw new UserFacingException(train + ":1: no gold column '" + gold + "'");
      }
      Map<String, Rubric> trainBank =
          trainData.has("reference_answer")
              ? Map.of()
              : bank.isEmpty() ? BankRubrics.load(config) : bank;
      trainGraded = gradeAll(grader, trainData, gold, trainBank, "grading " + train.getFileName());
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("dataset", dataset.toString());
    report.put("rows", graded.size());
    report.put("gold", gold);
    if (samplesFile != null) {
      report.put(
          "samples",
          samples.values().stream().mapToInt(List::size).sum()
              + " graded sample answers for "
              + samples.size()
              + " questions from "
              + samplesFile
              + " (not fitted)");
    }
    report.put(
        "grader",
        grader.name() + (grader instanceof OfflineGrader o ? ":" + o.encoder().name() : ""));
    boolean research = folds != null || train != null;
    report.put(
        "mode",
        research
            ? "research mode: calibration fitted at eval time"
            : "shipped grader: nothing fitted at eval time");
    if (grader instanceof OfflineGrader o) {
      report.put(
          "calibration",
          research
              ? "fitted at eval time (shipped "
                  + o.calibration().version()
                  + " not used for the metrics)"
              : o.calibration().version());
    }
    report.put(
        "fitted",
        folds != null
            ? "leave-one-" + folds + "-out"
            : train != null
                ? "on " + train + (neighbours ? " (with same-question neighbours)" : "")
                : "nothing");
    report.put("refused", graded.stream().filter(Graded::refused).count());

    double[] predictedScores = new double[graded.size()]; // 0-100 for the predictions file
    if (numeric) {
      double[] g = graded.stream().mapToDouble(r -> Double.parseDouble(r.gold())).toArray();
      double[] p = numericPredictions(graded, trainGraded);
      for (int i = 0; i < p.length; i++) {
        predictedScores[i] = 100 * p[i] / maxScore;
      }
      report.put("pearson", round(Metrics.pearson(g, p)));
      report.put("spearman", round(Metrics.spearman(g, p)));
      report.put("rmse", round(Metrics.rmse(g, p)));
      int steps = (int) Math.round(maxScore * 2);
      report.put(
          "qwk", round(Metrics.quadraticWeightedKappa(halfSteps(g), halfSteps(p), steps + 1)));
      if (!lambdas.isEmpty()) {
        report.put(
            "ridge_lambda",
            lambdas.stream().map(l -> String.format(Locale.ROOT, "%.1f", l)).toList());
      }
    } else {
      List<String> g = graded.stream().map(Graded::gold).toList();
      List<String> p = labelPredictions(graded, trainGraded, gold);
      for (int i = 0; i < graded.size(); i++) {
        predictedScores[i] = graded.get(i).grade().score();
      }
      report.put("accuracy", round(Metrics.accuracy(g, p)));
      report.put("macro_f1", round(Metrics.macroF1(g, p)));
      report.put("weighted_f1", round(Metrics.weightedF1(g, p)));
      Map<String, Object> perClass = new LinkedHashMap<>();
      for (Metrics.ClassScores c : Metrics.perClass(g, p)) {
        perClass.put(
            c.label(),
            Map.of(
                "precision",
                round(c.precision()),
                "recall",
                round(c.recall()),
                "f1",
                round(c.f1()),
                "support",
                c.support()));
      }
      report.put("per_class", perClass);
    }
    double[] millis =
        graded.stream().filter(r -> !r.refused()).mapToDouble(r -> r.nanos() / 1e6).toArray();
    double totalSeconds = java.util.Arrays.stream(millis).sum() / 1000;
    report.put("answers_per_second", round(graded.size() / Math.max(1e-9, totalSeconds)));
    report.put("latency_p50_ms", round(Metrics.percentile(millis, 0.50)));
    report.put("latency_p99_ms", round(Metrics.percentile(millis, 0.99)));
    report.put("model_load_ms", loadMillis);

    if (predictionsFile != null) {
      writePredictions(graded, predictedScores);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      report.forEach((k, v) -> out.printf(Locale.ROOT, "%-20s %s%n", k, v));
    }
    out.flush();
    return 0;
  }

  private Grader grader(TutorConfig config) {
    if ((model != null || calibration != null) && !"offline".equalsIgnoreCase(graderKind)) {
      throw new UserFacingException(
          (model != null ? "--model" : "--calibration") + " applies to the offline grader only");
    }
    if (model != null || calibration != null) {
      ScoreCalibration mapping =
          calibration == null
              ? ShippedCalibration.shipped()
              : "none".equalsIgnoreCase(calibration)
                  ? ScoreCalibration.NONE
                  : ShippedCalibration.read(Path.of(calibration));
      EmbeddingModelChoice choice =
          model == null ? EmbeddingModelChoice.DEFAULT : EmbeddingModelChoice.byId(model);
      OfflineGrader o = new OfflineGrader(OnnxSentenceEncoder.shared(choice), mapping);
      o.encoder().embed(List.of("warm up"));
      return o;
    }
    Grader g = Graders.create(config, graderKind);
    if (g instanceof OfflineGrader o) {
      o.encoder().embed(List.of("warm up")); // load the model before timing answers
    }
    return g;
  }

  private LabelledFile limit(LabelledFile f) {
    if (limit == null || limit >= f.rows().size()) {
      return f;
    }
    if (limit <= 0) {
      throw new UserFacingException("--limit must be a positive number of rows");
    }
    return new LabelledFile(f.path(), f.header(), f.rows().subList(0, limit));
  }

  private String goldColumn(LabelledFile data) {
    if (goldColumn != null) {
      if (!data.has(goldColumn)) {
        throw new UserFacingException(
            dataset + ":1: no column '" + goldColumn + "'; columns: " + data.header());
      }
      return goldColumn;
    }
    for (String c : NUMERIC_GOLD) {
      if (data.has(c)) {
        return c;
      }
    }
    for (String c : LABEL_GOLD) {
      if (data.has(c)) {
        return c;
      }
    }
    throw new UserFacingException(
        dataset + ":1: no gold column; expected one of " + NUMERIC_GOLD + " or " + LABEL_GOLD);
  }

  private static boolean isNumeric(LabelledFile data, String column) {
    return data.rows().stream().allMatch(r -> r.get(column).strip().matches("-?\\d+(\\.\\d+)?"));
  }

  private List<Graded> gradeAll(
      Grader grader, LabelledFile data, String gold, Map<String, Rubric> bank, String what) {
    String answerColumn =
        data.has("answer") ? "answer" : data.has("student_answer") ? "student_answer" : null;
    if (answerColumn == null) {
      throw new UserFacingException(
          data.path()
              + ":1: no answer column (answer or student_answer); columns: "
              + data.header());
    }
    boolean byReference = data.has("reference_answer");
    if (!byReference && !data.has("question_id")) {
      throw new UserFacingException(
          data.path() + ":1: needs either reference_answer (with question) or question_id");
    }
    Progress progress = new Progress(what, data.rows().size(), quiet);
    List<Graded> out = new ArrayList<>();
    for (LabelledFile.Row row : data.rows()) {
      String goldValue = row.get(gold).strip();
      if (goldValue.isEmpty()) {
        throw new UserFacingException(data.path() + ":" + row.line() + ": empty " + gold);
      }
      if (NUMERIC_GOLD.contains(gold)) {
        try {
          Double.parseDouble(goldValue);
        } catch (NumberFormatException e) {
          throw new UserFacingException(
              data.path()
                  + ":"
                  + row.line()
                  + ": "
                  + gold
                  + " '"
                  + goldValue
                  + "' is not a number");
        }
      }
      String group =
          row.get(
              data.has("question_id")
                  ? "question_id"
                  : data.has("question_key") ? "question_key" : "question");
      Rubric rubric;
      if (byReference) {
        rubric = ReferenceAnswerRubrics.of(group, row.get("question"), row.get("reference_answer"));
      } else {
        rubric = bank.get(row.get("question_id").strip());
        if (rubric == null) {
          throw new UserFacingException(
              data.path()
                  + ":"
                  + row.line()
                  + ": no question "
                  + row.get("question_id")
                  + " in the bank");
        }
      }
      rubric = rubric.withSamples(samples.getOrDefault(group.strip(), List.of()));
      String answer = row.get(answerColumn);
      if (answer.isBlank() || answer.length() > AnswerPolicy.MAX_CHARS) {
        // refused, not fatal: one bad row must not lose the run
        String why =
            answer.isBlank()
                ? "empty answer"
                : "answer over " + AnswerPolicy.MAX_CHARS + " characters";
        out.add(refused(row, goldValue, rubric, group, why, grader));
        progress.step();
        continue;
      }
      long start = System.nanoTime();
      Grade grade;
      double[] features;
      float[] vector = null;
      boolean capped = false;
      try {
        if (grader instanceof OfflineGrader offline) {
          OfflineGrader.Analysis a = offline.analyse(rubric, answer);
          grade = a.grade();
          features = a.features();
          vector = a.answerVector();
          capped = a.capped();
        } else {
          grade = grader.grade(rubric, answer);
          features = new double[] {grade.score() / 100.0};
        }
      } catch (AnswerRejectedException e) {
        out.add(refused(row, goldValue, rubric, group, e.getMessage(), grader));
        progress.step();
        continue;
      }
      long nanos = System.nanoTime() - start;
      out.add(new Graded(row, goldValue, grade, features, vector, group, nanos, false, capped));
      progress.step();
    }
    progress.done();
    return out;
  }

  /**
   * The answers of a labelled file as sample answers per question (question_key, else question_id):
   * quality from label_2way (correct 1, else 0), else label_5way (correct 1,
   * partially_correct_incomplete 0.5, else 0), else a 0–5 score or score_avg.
   */
  static Map<String, List<SampleAnswer>> samplesOf(LabelledFile file) {
    String key =
        file.has("question_key") ? "question_key" : file.has("question_id") ? "question_id" : null;
    String answer =
        file.has("student_answer") ? "student_answer" : file.has("answer") ? "answer" : null;
    if (key == null || answer == null) {
      throw new UserFacingException(
          file.path()
              + ":1: --samples needs question_key or question_id and an answer column; columns: "
              + file.header());
    }
    Map<String, List<SampleAnswer>> out = new LinkedHashMap<>();
    for (LabelledFile.Row row : file.rows()) {
      String text = row.get(answer).strip();
      if (text.isEmpty() || text.length() > AnswerPolicy.MAX_CHARS) {
        continue;
      }
      double quality;
      try {
        quality = sampleQuality(file, row);
      } catch (IllegalArgumentException e) {
        throw new UserFacingException(file.path() + ":" + row.line() + ": " + e.getMessage());
      }
      out.computeIfAbsent(row.get(key).strip(), k -> new ArrayList<>())
          .add(new SampleAnswer(text, quality));
    }
    return out;
  }

  private static double sampleQuality(LabelledFile file, LabelledFile.Row row) {
    if (file.has("label_2way")) {
      return row.get("label_2way").strip().equalsIgnoreCase("correct") ? 1 : 0;
    }
    if (file.has("label_5way")) {
      String label = row.get("label_5way").strip().toLowerCase(Locale.ROOT);
      return label.equals("correct") ? 1 : label.equals("partially_correct_incomplete") ? 0.5 : 0;
    }
    String column = file.has("score") ? "score" : file.has("score_avg") ? "score_avg" : null;
    if (column == null) {
      throw new IllegalArgumentException(
          "--samples needs label_2way, label_5way, score or score_avg");
    }
    try {
      return Math.max(0, Math.min(1, Double.parseDouble(row.get(column).strip()) / 5));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + row.get(column) + "' is not a number");
    }
  }

  /**
   * A refused row: score 0, no features but "screened", counted in the output and the predictions
   * file.
   */
  private static Graded refused(
      LabelledFile.Row row, String gold, Rubric rubric, String group, String why, Grader grader) {
    Grade grade =
        new Grade(
            rubric.questionId(),
            0,
            Verdict.INCORRECT,
            List.of(),
            List.of(),
            why,
            rubric.tip(),
            REFUSED,
            List.of(why));
    double[] features =
        new double[grader instanceof OfflineGrader ? OfflineGrader.FEATURE_NAMES.size() : 1];
    if (grader instanceof OfflineGrader) {
      features[features.length - 1] = 1; // "screened"
    }
    return new Graded(row, gold, grade, features, null, group, 0, true, true);
  }

  private double[] numericPredictions(List<Graded> graded, List<Graded> trainGraded) {
    double[] p = new double[graded.size()];
    if (folds != null) {
      Map<String, List<Integer>> byFold = new LinkedHashMap<>();
      for (int i = 0; i < graded.size(); i++) {
        byFold.computeIfAbsent(graded.get(i).row().get(folds), k -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<String, List<Integer>> fold : byFold.entrySet()) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Graded r : graded) {
          if (!r.row().get(folds).equals(fold.getKey())) {
            x.add(r.features());
            y.add(Double.parseDouble(r.gold()));
            groups.add(r.row().get(folds));
          }
        }
        if (x.isEmpty()) {
          throw new UserFacingException(
              "--folds " + folds + " has a single value: nothing to train on");
        }
        // the penalty is chosen by leaving one training fold out at a time, inside the training
        // folds only
        Calibration.Regressor reg =
            Calibration.fitRegressor(
                x,
                y.stream().mapToDouble(d -> d).toArray(),
                groups,
                maxScore,
                interacting(x.get(0)));
        lambdas.add(reg.lambda());
        for (int i : fold.getValue()) {
          p[i] = reg.predict(graded.get(i).features());
        }
      }
    } else if (!trainGraded.isEmpty()) {
      List<double[]> x = trainGraded.stream().map(Graded::features).toList();
      Calibration.Regressor reg =
          Calibration.fitRegressor(
              x,
              trainGraded.stream().mapToDouble(r -> Double.parseDouble(r.gold())).toArray(),
              trainGraded.stream().map(Graded::group).toList(),
              maxScore,
              interacting(x.get(0)));
      lambdas.add(reg.lambda());
      for (int i = 0; i < p.length; i++) {
        p[i] = reg.predict(graded.get(i).features());
      }
    } else {
      for (int i = 0; i < p.length; i++) {
        p[i] = graded.get(i).grade().score() / 100.0 * maxScore;
      }
    }
    return p;
  }

  /** Indices of the offline grader's interacting features, when these are its features. */
  private static int[] interacting(double[] features) {
    if (features.length != OfflineGrader.FEATURE_NAMES.size()) {
      return new int[0];
    }
    return OfflineGrader.INTERACTING_FEATURES.stream()
        .mapToInt(OfflineGrader.FEATURE_NAMES::indexOf)
        .toArray();
  }

  private List<String> labelPredictions(
      List<Graded> graded, List<Graded> trainGraded, String gold) {
    List<String> labels =
        new ArrayList<>(new TreeSet<>(graded.stream().map(Graded::gold).toList()));
    if (folds != null) {
      List<String> out = new ArrayList<>(java.util.Collections.nCopies(graded.size(), ""));
      Map<String, List<Integer>> byFold = new LinkedHashMap<>();
      for (int i = 0; i < graded.size(); i++) {
        byFold.computeIfAbsent(graded.get(i).row().get(folds), k -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<String, List<Integer>> fold : byFold.entrySet()) {
        List<Graded> tr =
            graded.stream().filter(r -> !r.row().get(folds).equals(fold.getKey())).toList();
        Calibration.Classifier c =
            Calibration.fitClassifier(
                tr.stream().map(Graded::features).toList(), tr.stream().map(Graded::gold).toList());
        for (int i : fold.getValue()) {
          out.set(i, c.predict(graded.get(i).features()));
        }
      }
      return out;
    }
    if (!trainGraded.isEmpty()) {
      List<String> trainLabels =
          new ArrayList<>(new TreeSet<>(trainGraded.stream().map(Graded::gold).toList()));
      List<double[]> xTrain = new ArrayList<>();
      for (Graded r : trainGraded) {
        xTrain.add(neighbours ? withNeighbours(r, trainGraded, trainLabels, true) : r.features());
      }
      Calibration.Classifier c =
          Calibration.fitClassifier(xTrain, trainGraded.stream().map(Graded::gold).toList());
      return graded.stream()
          .map(
              r ->
                  c.predict(
                      neighbours
                          ? withNeighbours(r, trainGraded, trainLabels, false)
                          : r.features()))
          .toList();
    }
    return graded.stream().map(r -> fromVerdict(r.grade(), gold, labels)).toList();
  }

  /**
   * Features plus, per label, the highest similarity to a training answer of the same question with
   * that label.
   */
  private static double[] withNeighbours(
      Graded r, List<Graded> trainRows, List<String> labels, boolean leaveOut) {
    double[] extra = new double[labels.size()];
    if (r.vector() != null) {
      for (Graded t : trainRows) {
        if (t.vector() == null || !t.group().equals(r.group()) || leaveOut && t == r) {
          continue;
        }
        int l = labels.indexOf(t.gold());
        extra[l] = Math.max(extra[l], SentenceEncoder.cosine(r.vector(), t.vector()));
      }
    }
    double[] out = java.util.Arrays.copyOf(r.features(), r.features().length + extra.length);
    System.arraycopy(extra, 0, out, r.features().length, extra.length);
    return out;
  }

  /** Without anything fitted: the verdict read as a label of the dataset's scheme. */
  static String fromVerdict(Grade grade, String gold, List<String> labels) {
    Verdict v = grade.verdict();
    boolean wrongBelief = !grade.misconceptions().isEmpty();
    String label =
        switch (gold) {
          case "label_2way" -> v == Verdict.CORRECT ? "correct" : "incorrect";
          case "label_3way" ->
              v == Verdict.CORRECT ? "correct" : wrongBelief ? "contradictory" : "incorrect";
          case "label_5way" ->
              switch (v) {
                case CORRECT -> "correct";
                case PARTIALLY_CORRECT -> "partially_correct_incomplete";
                case INCORRECT -> wrongBelief ? "contradictory" : "irrelevant";
                case OFF_TOPIC -> grade.score() == 0 ? "non_domain" : "irrelevant";
              };
          default -> v.label();
        };
    return labels.contains(label) || !"label".equals(gold)
        ? label
        : v.name().toLowerCase(Locale.ROOT);
  }

  private void writePredictions(List<Graded> graded, double[] scores) throws IOException {
    // the offline grader's features follow, for research (what the calibration saw for each row)
    boolean offline =
        !graded.isEmpty() && graded.get(0).features().length == OfflineGrader.FEATURE_NAMES.size();
    // mistakes: how many mistakes the grade names (what a person is told they got wrong); unsure:
    // how many key points it could not verify either way; capped: a safety rule kept the hand-set
    // score as the ceiling of the calibrated one
    StringBuilder sb = new StringBuilder("row,gold,score,verdict,mistakes,unsure,capped");
    if (offline) {
      OfflineGrader.FEATURE_NAMES.forEach(f -> sb.append(",feature_").append(f));
    }
    sb.append('\n');
    for (int i = 0; i < graded.size(); i++) {
      Graded r = graded.get(i);
      sb.append(r.row().row())
          .append(',')
          .append(csv(r.gold()))
          .append(',')
          .append(Math.round(Math.max(0, Math.min(100, scores[i]))))
          .append(',')
          .append(csv(r.refused() ? REFUSED : r.grade().verdict().label()))
          .append(',')
          .append(r.refused() ? 0 : r.grade().misconceptions().size())
          .append(',')
          .append(r.refused() ? 0 : r.grade().unsure().size())
          .append(',')
          .append(r.capped() ? 1 : 0);
      if (offline) {
        for (double f : r.features()) {
          sb.append(',').append(String.format(Locale.ROOT, "%.4f", f));
        }
      }
      sb.append('\n');
    }
    Path parent = predictionsFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(predictionsFile, sb.toString(), StandardCharsets.UTF_8);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static int[] halfSteps(double[] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (int) Math.round(x[i] * 2);
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  /** A one-line progress bar on stderr, redrawn at most every 200 ms. */
  static final class Progress {
    private final String what;
    private final int total;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private int done;
    private long lastDraw;

    Progress(String what, int total, boolean quiet) {
      this.what = what;
      this.total = total;
      this.quiet = quiet;
    }

    void step() {
      done++;
      long now = System.nanoTime();
      if (!quiet && (now - lastDraw > 200_000_000L || done == total)) {
        lastDraw = now;
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        double seconds = (now - start) / 1e9;
        System.err.printf(
            Locale.ROOT,
            "\r%s [%s%s] %d/%d %.0f/s ",
            what,
            "#".repeat(filled),
            ".".repeat(width - filled),
            done,
            total,
            done / Math.max(1e-9, seconds));
        System.err.flush();
      }
    }

    void done() {
      if (!quiet) {
        System.err.println();
      }
    }
  }
}
