package dev.interviewtutor.cli;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.EmbeddingModelChoice;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.OnnxSentenceEncoder;
import dev.interviewtutor.grading.SampleVote;
import dev.interviewtutor.grading.ScoreCalibration;
import dev.interviewtutor.grading.ShippedCalibration;
import dev.interviewtutor.grading.eval.Calibration;
import dev.interviewtutor.grading.eval.LabelledFile;
import dev.interviewtutor.grading.eval.Metrics;
import dev.interviewtutor.grading.eval.TrainingSet;
import dev.interviewtutor.knowledge.ReferenceAnswerRubrics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tutor train --out FILE}: fits the calibration that the offline grader ships with, on the
 * public training files only (Mohler, SciEntsBank train, Beetle train; never bank-dev or a test
 * split), and writes it as a versioned JSON file. The shipped one is {@code
 * src/main/resources/grading/calibration-v1.json}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Fit the offline grader's shipped calibration on the public training datasets.")
public final class TrainCommand implements Callable<Integer> {
  /**
   * Folds of the inner cross-validation that picks the ridge penalty (questions hashed into folds).
   */
  static final int INNER_FOLDS = 12;

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, description = "Calibration file to write (JSON)")
  Path out;

  @Option(
      names = "--datasets",
      defaultValue = "../shared/datasets",
      description = "Directory holding mohler/, scientsbank/, beetle/ (default ${DEFAULT-VALUE})")
  Path datasets;

  /**
   * The shipped recipe. Beetle is left out by default: adding it lowered every cross-validated
   * number on the training data (Mohler r, SciEntsBank 2-way macro-F1; docs/grading-benchmark.md).
   */
  static final String DEFAULT_SETS = "mohler,scientsbank";

  @Option(
      names = "--sets",
      split = ",",
      defaultValue = DEFAULT_SETS,
      description =
          "Training sets to fit on: mohler, " + "scientsbank, beetle (default ${DEFAULT-VALUE})")
  List<String> sets;

  @Option(
      names = "--exclude",
      split = ",",
      description =
          "Training sets to leave out of --sets (for cross-dataset "
              + "numbers, e.g. --exclude mohler)")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--version",
      defaultValue = "calibration-v1",
      description = "Version recorded in the file (default ${DEFAULT-VALUE})")
  String version;

  @Option(names = "--limit", description = "Use only the first N rows of each file (smoke tests)")
  Integer limit;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "Grading threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--features-out",
      description =
          "Also write every training row's features and target to this CSV " + "(research)")
  Path featuresOut;

  @Option(
      names = "--features-in",
      description =
          "Research: refit from a file written by --features-out instead of "
              + "grading the datasets again (same grader version only)")
  Path featuresIn;

  @Option(
      names = "--mohler-loao",
      description =
          "Also measure the recipe on Mohler leave-one-assignment-out: each "
              + "assignment graded by a calibration fitted on everything else (the other assignments and the other sets)")
  boolean mohlerLoao;

  @Option(names = "--quiet", description = "No progress bar")
  boolean quiet;

  /**
   * One training row; {@code vector} is the answer's vector as the grader reads it (the mean of its
   * clauses') for SciEntsBank rows (the sample vote is fitted on them), null otherwise and for an
   * answer the grader refused.
   */
  record Example(TrainingSet set, String group, double target, double[] features, float[] vector) {}

  @Override
  public Integer call() throws Exception {
    Set<TrainingSet> used = EnumSet.noneOf(TrainingSet.class);
    try {
      for (String s : sets) {
        used.add(TrainingSet.byId(s));
      }
      for (String e : exclude) {
        used.remove(TrainingSet.byId(e));
      }
    } catch (IllegalArgumentException ex) {
      throw new UserFacingException("--sets/--exclude: " + ex.getMessage());
    }
    if (used.isEmpty()) {
      throw new UserFacingException("--exclude leaves no training set");
    }
    if (limit != null && limit <= 0) {
      throw new UserFacingException("--limit must be a positive number of rows");
    }
    if (threads < 1) {
      throw new UserFacingException("--threads must be at least 1");
    }
    // features do not depend on the calibration: grade with the hand mapping alone
    OfflineGrader grader =
        new OfflineGrader(
            OnnxSentenceEncoder.shared(EmbeddingModelChoice.DEFAULT), ScoreCalibration.NONE);
    List<Example> examples = new ArrayList<>();
    List<ShippedCalibration.DatasetUse> uses = new ArrayList<>();
    for (TrainingSet set : used) {
      if (featuresIn != null) {
        int before = examples.size();
        examples.addAll(readFeatures(featuresIn, set));
        uses.add(
            new ShippedCalibration.DatasetUse(
                set.id(), set.file(), examples.size() - before, 0, set.target()));
        continue;
      }
      Path file = datasets.resolve(set.file());
      if (!Files.exists(file)) {
        throw new UserFacingException(
            file + ": no such file (--datasets should point at the shared datasets directory)");
      }
      LabelledFile data = LabelledFile.read(file);
      int before = examples.size();
      int skipped = grade(grader, set, data, examples);
      uses.add(
          new ShippedCalibration.DatasetUse(
              set.id(), set.file(), examples.size() - before, skipped, set.target()));
    }

    if (featuresOut != null && featuresIn == null) {
      writeFeatures(
          examples); // before fitting: the slow part is grading, keep it whatever happens next
    }
    List<double[]> x = examples.stream().map(Example::features).toList();
    double[] y = examples.stream().mapToDouble(Example::target).toArray();
    List<String> folds =
        examples.stream()
            .map(
                e ->
                    "fold"
                        + Math.floorMod((e.set().id() + ":" + e.group()).hashCode(), INNER_FOLDS))
            .toList();
    int[] interacting =
        OfflineGrader.INTERACTING_FEATURES.stream()
            .mapToInt(OfflineGrader.FEATURE_NAMES::indexOf)
            .toArray();
    Calibration.Regressor regressor = Calibration.fitRegressor(x, y, folds, 1.0, interacting);
    double[] fitted = x.stream().mapToDouble(regressor::predict).toArray();

    Map<String, Object> fit = new LinkedHashMap<>();
    fit.put("rows", examples.size());
    fit.put(
        "inner_cv",
        INNER_FOLDS
            + " folds of questions (assignments for Mohler) hashed; penalty by lowest RMSE");
    fit.put("penalties_tried", Calibration.penalties());
    fit.put("training_rmse", round(Metrics.rmse(y, fitted)));
    fit.put("training_pearson", round(Metrics.pearson(y, fitted)));
    fit.put("model", EmbeddingModelChoice.DEFAULT.id());
    if (mohlerLoao) {
      fit.putAll(mohlerLeaveOneAssignmentOut(examples, interacting));
    }
    SampleVote sampleVote = fitSampleVote(examples, regressor, fit);
    String command =
        "tutor train --out "
            + out
            + (String.join(",", sets).equals(DEFAULT_SETS)
                ? ""
                : " --sets " + String.join(",", sets))
            + (exclude.isEmpty() ? "" : " --exclude " + String.join(",", exclude))
            + (limit != null ? " --limit " + limit : "")
            + (featuresIn != null ? " --features-in " + featuresIn : "");
    ShippedCalibration calibration =
        ShippedCalibration.of(
            regressor,
            version,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            command,
            "0-1 quality (score = 100 x quality); Mohler score_avg / 5; SemEval "
                + "label_5way: correct 1, "
                + "partially_correct_incomplete 0.5, contradictory / irrelevant / non_domain 0",
            uses,
            fit,
            sampleVote);
    calibration.write(out);
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(Locale.ROOT, "%-16s %s%n", "wrote", out);
    pw.printf(Locale.ROOT, "%-16s %s%n", "version", version);
    for (ShippedCalibration.DatasetUse u : uses) {
      pw.printf(
          Locale.ROOT,
          "%-16s %d rows (%d skipped: over %d characters)%n",
          u.name(),
          u.rows(),
          u.skipped(),
          AnswerPolicy.MAX_CHARS);
    }
    pw.printf(Locale.ROOT, "%-16s %s%n", "ridge_lambda", regressor.lambda());
    fit.forEach((k, v) -> pw.printf(Locale.ROOT, "%-16s %s%n", k, v));
    pw.flush();
    return 0;
  }

  /**
   * Fits how graded sample answers move a score ({@link SampleVote}) on SciEntsBank's training
   * answers: each answer is voted on by the other answers to its question (never by itself), with
   * its score from the calibration just fitted, and "correct" is SciEntsBank's own label. Null when
   * SciEntsBank is not among the sets or its answers were not graded here ({@code --features-in}).
   */
  private static SampleVote fitSampleVote(
      List<Example> examples, Calibration.Regressor regressor, Map<String, Object> fit) {
    List<Example> rows =
        examples.stream()
            .filter(e -> e.set() == TrainingSet.SCIENTSBANK && e.vector() != null)
            .toList();
    if (rows.isEmpty()) {
      fit.put("sample_vote", "not fitted (needs SciEntsBank graded in this run)");
      return null;
    }
    Map<String, List<Integer>> byQuestion = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byQuestion.computeIfAbsent(rows.get(i).group(), g -> new ArrayList<>()).add(i);
    }
    double[] scores = new double[rows.size()];
    double[] votes = new double[rows.size()];
    boolean[] correct = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Example e = rows.get(i);
      scores[i] = Math.round(100 * Math.max(0, Math.min(1, regressor.predict(e.features()))));
      correct[i] = e.target() >= 1;
      List<Integer> others = new ArrayList<>(byQuestion.get(e.group()));
      others.remove(Integer.valueOf(i));
      double[] cosines = new double[others.size()];
      double[] qualities = new double[others.size()];
      for (int j = 0; j < others.size(); j++) {
        Example o = rows.get(others.get(j));
        cosines[j] = dev.interviewtutor.grading.SentenceEncoder.cosine(e.vector(), o.vector());
        qualities[j] = o.target() >= 1 ? 1 : 0;
      }
      votes[i] = SampleVote.vote(cosines, qualities, scores[i] / 100.0);
    }
    SampleVote.Fit best = SampleVote.fit(scores, votes, correct);
    fit.put("sample_vote_rows", rows.size());
    fit.put("sample_vote_loo_macro_f1", round(best.macroF1()));
    return best.vote();
  }

  /**
   * The recipe measured on Mohler with each assignment held out of the fit (penalty chosen inside
   * the fit too).
   */
  private static Map<String, Object> mohlerLeaveOneAssignmentOut(
      List<Example> examples, int[] interacting) {
    List<String> assignments =
        examples.stream()
            .filter(e -> e.set() == TrainingSet.MOHLER)
            .map(Example::group)
            .distinct()
            .sorted()
            .toList();
    if (assignments.size() < 2) {
      throw new UserFacingException("--mohler-loao needs Mohler in the training sets");
    }
    List<Double> gold = new ArrayList<>();
    List<Double> predicted = new ArrayList<>();
    for (String held : assignments) {
      List<Example> train =
          examples.stream()
              .filter(e -> e.set() != TrainingSet.MOHLER || !e.group().equals(held))
              .toList();
      Calibration.Regressor r =
          Calibration.fitRegressor(
              train.stream().map(Example::features).toList(),
              train.stream().mapToDouble(Example::target).toArray(),
              train.stream()
                  .map(
                      e ->
                          "fold"
                              + Math.floorMod(
                                  (e.set().id() + ":" + e.group()).hashCode(), INNER_FOLDS))
                  .toList(),
              1.0,
              interacting);
      for (Example e : examples) {
        if (e.set() == TrainingSet.MOHLER && e.group().equals(held)) {
          gold.add(5 * e.target());
          predicted.add(5 * r.predict(e.features()));
        }
      }
    }
    double[] g = gold.stream().mapToDouble(d -> d).toArray();
    double[] p = predicted.stream().mapToDouble(d -> d).toArray();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mohler_loao_pearson", round(Metrics.pearson(g, p)));
    out.put("mohler_loao_rmse", round(Metrics.rmse(g, p)));
    // where the error comes from: a shift of the whole scale shows as a gap between the two means
    out.put("mohler_loao_mean_gold", round(java.util.Arrays.stream(g).average().orElse(0)));
    out.put("mohler_loao_mean_predicted", round(java.util.Arrays.stream(p).average().orElse(0)));
    return out;
  }

  /** Grades every row of one file; returns how many were skipped (answers the grader refuses). */
  private int grade(OfflineGrader grader, TrainingSet set, LabelledFile data, List<Example> into)
      throws Exception {
    List<LabelledFile.Row> rows =
        limit == null ? data.rows() : data.rows().subList(0, Math.min(limit, data.rows().size()));
    for (String column :
        List.of("question", "reference_answer", "student_answer", set.groupColumn())) {
      if (!data.has(column)) {
        throw new UserFacingException(
            data.path() + ":1: no column '" + column + "'; columns: " + data.header());
      }
    }
    EvalCommand.Progress progress =
        new EvalCommand.Progress("grading " + set.id(), rows.size(), quiet);
    List<Example> out = new ArrayList<>();
    int skipped = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Example>> futures = new ArrayList<>();
      for (LabelledFile.Row row : rows) {
        double target;
        try {
          target = set.quality(row);
        } catch (IllegalArgumentException e) {
          throw new UserFacingException(data.path() + ":" + row.line() + ": " + e.getMessage());
        }
        String answer = row.get("student_answer");
        if (answer.length() > AnswerPolicy.MAX_CHARS) {
          skipped++;
          continue;
        }
        String group = row.get(set.groupColumn()).strip();
        String question = row.get("question");
        String reference = row.get("reference_answer");
        futures.add(
            pool.submit(
                () -> {
                  String rubricId = set.id() + ":" + row.get("question_id").strip() + ":" + group;
                  OfflineGrader.Analysis a =
                      grader.analyse(
                          ReferenceAnswerRubrics.of(rubricId, question, reference), answer);
                  float[] vector = set == TrainingSet.SCIENTSBANK ? a.answerVector() : null;
                  return new Example(set, group, target, a.features(), vector);
                }));
      }
      for (Future<Example> f : futures) {
        out.add(f.get());
        progress.step();
      }
    } finally {
      pool.shutdownNow();
    }
    progress.done();
    into.addAll(out);
    return skipped;
  }

  private void writeFeatures(List<Example> examples) throws java.io.IOException {
    StringBuilder sb =
        new StringBuilder(
            "dataset,group,target," + String.join(",", OfflineGrader.FEATURE_NAMES) + "\n");
    for (Example e : examples) {
      sb.append(e.set().id())
          .append(',')
          .append('"')
          .append(e.group().replace("\"", "\"\""))
          .append('"')
          .append(',')
          .append(e.target());
      for (double f : e.features()) {
        sb.append(',').append(f);
      }
      sb.append('\n');
    }
    Files.writeString(featuresOut, sb.toString(), StandardCharsets.UTF_8);
  }

  /**
   * The rows of one training set from a --features-out file, checked against the grader's feature
   * names.
   */
  private static List<Example> readFeatures(Path file, TrainingSet set) {
    LabelledFile f = LabelledFile.read(file);
    List<String> expected = new ArrayList<>(List.of("dataset", "group", "target"));
    expected.addAll(OfflineGrader.FEATURE_NAMES);
    if (!f.header().equals(expected)) {
      throw new UserFacingException(
          file
              + ":1: not a features file of this grader version (expected columns "
              + expected
              + ")");
    }
    List<Example> out = new ArrayList<>();
    for (LabelledFile.Row row : f.rows()) {
      if (!row.get("dataset").equals(set.id())) {
        continue;
      }
      try {
        double[] x =
            OfflineGrader.FEATURE_NAMES.stream()
                .mapToDouble(n -> Double.parseDouble(row.get(n)))
                .toArray();
        out.add(new Example(set, row.get("group"), Double.parseDouble(row.get("target")), x, null));
      } catch (NumberFormatException e) {
        throw new UserFacingException(
            file + ":" + row.line() + ": not a number (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
