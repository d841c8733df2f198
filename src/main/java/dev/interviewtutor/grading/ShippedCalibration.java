package dev.interviewtutor.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.eval.Calibration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fitted map from the offline grader's features to the score people see, shipped in the jar as
 * {@value #RESOURCE} and written by {@code tutor train} (ridge regression over the features and
 * their interactions, then isotonic regression, onto a 0–1 quality; see docs/grading-benchmark.md).
 * Loaded once per process and used by every front-end: bot, terminal, {@code grade}, {@code eval},
 * {@code bench}.
 *
 * <p>Safety rules stay the grader's: when one fired (a stated misconception or contradiction,
 * off-topic, restated question, keyword list, no key point credited at all), the calibrated score
 * may lower the hand-set score but never raise it, so a fitted curve cannot lift a flagged answer
 * back to "correct".
 */
public final class ShippedCalibration implements ScoreCalibration {
  /** The resource every process loads. A new version of the fit gets a new file name. */
  public static final String RESOURCE = "/grading/calibration-v1.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  /** One training file and how its gold became a 0–1 quality. */
  public record DatasetUse(String name, String file, int rows, int skipped, String target) {}

  /**
   * The file: provenance (version, command, date, datasets, target scale) and the fitted numbers.
   *
   * @param features the grader's feature names at fitting time: must equal {@link
   *     OfflineGrader#FEATURE_NAMES}
   * @param interacting features whose squares and pairwise products the ridge also saw
   * @param mean ridge standardisation, per expanded feature (likewise {@code scale})
   * @param isotonicX the isotonic step function from ridge output to quality (with {@code
   *     isotonicY})
   * @param fit numbers about the fit itself (rows, training RMSE, inner-CV folds)
   * @param sampleVote how a question's graded sample answers move the score; null in files fitted
   *     without SciEntsBank (no sample answers then count)
   */
  public record Spec(
      int format,
      String version,
      String created,
      String command,
      String target,
      List<DatasetUse> datasets,
      List<String> features,
      List<String> interacting,
      double lambda,
      double[] mean,
      double[] scale,
      double[] weights,
      double intercept,
      double[] isotonicX,
      double[] isotonicY,
      Map<String, Object> fit,
      SampleVote sampleVote) {}

  private final Spec spec;
  private final Calibration.Regressor regressor;

  private ShippedCalibration(Spec spec, String source) {
    if (!OfflineGrader.FEATURE_NAMES.equals(spec.features())) {
      throw new IllegalStateException(
          source
              + " was fitted on the features "
              + spec.features()
              + " but the grader now computes "
              + OfflineGrader.FEATURE_NAMES
              + ": re-run `tutor train` (docs/grading-benchmark.md)");
    }
    int[] interacting =
        spec.interacting().stream().mapToInt(OfflineGrader.FEATURE_NAMES::indexOf).toArray();
    int expanded =
        spec.features().size()
            + interacting.length
            + interacting.length * (interacting.length - 1) / 2;
    if (spec.weights() == null
        || spec.weights().length != expanded
        || spec.mean().length != expanded
        || spec.scale().length != expanded
        || spec.isotonicX().length != spec.isotonicY().length
        || java.util.Arrays.stream(interacting).anyMatch(i -> i < 0)) {
      throw new IllegalStateException(
          source + ": inconsistent calibration (" + expanded + " expanded features expected)");
    }
    this.spec = spec;
    this.regressor =
        new Calibration.Regressor(
            new Calibration.Linear(spec.mean(), spec.scale(), spec.weights(), spec.intercept()),
            new Calibration.Isotonic(spec.isotonicX(), spec.isotonicY()),
            1.0,
            interacting,
            spec.lambda());
  }

  /** The calibration in the jar, loaded on first use and shared by the whole process. */
  public static ShippedCalibration shipped() {
    return Holder.SHIPPED;
  }

  private static final class Holder {
    static final ShippedCalibration SHIPPED = loadResource();
  }

  private static ShippedCalibration loadResource() {
    try (InputStream in = ShippedCalibration.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is missing from the jar: run `tutor train --out src/main/resources"
                + RESOURCE
                + "` and rebuild");
      }
      return new ShippedCalibration(JSON.readValue(in, Spec.class), RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A calibration file written by {@code tutor train} (eval's {@code --calibration}). */
  public static ShippedCalibration read(Path file) {
    try {
      return new ShippedCalibration(
          JSON.readValue(Files.readAllBytes(file), Spec.class), file.toString());
    } catch (NoSuchFileException e) {
      throw new UserFacingException(
          file + ": no such calibration file (write one with tutor train --out " + file + ")");
    } catch (IOException e) {
      throw new UserFacingException(
          file
              + ": not a calibration file ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
    } catch (IllegalStateException e) {
      throw new UserFacingException(e.getMessage());
    }
  }

  /**
   * Wraps a freshly fitted regressor (the regressor's {@code max} must be 1: it predicts a 0–1
   * quality).
   */
  public static ShippedCalibration of(
      Calibration.Regressor r,
      String version,
      String created,
      String command,
      String target,
      List<DatasetUse> datasets,
      Map<String, Object> fit,
      SampleVote sampleVote) {
    List<String> interacting =
        java.util.Arrays.stream(r.interacting())
            .mapToObj(OfflineGrader.FEATURE_NAMES::get)
            .toList();
    Spec spec =
        new Spec(
            1,
            version,
            created,
            command,
            target,
            datasets,
            OfflineGrader.FEATURE_NAMES,
            interacting,
            r.lambda(),
            r.linear().mean(),
            r.linear().scale(),
            r.linear().weights(),
            r.linear().intercept(),
            r.isotonic().xs(),
            r.isotonic().ys(),
            fit,
            sampleVote);
    return new ShippedCalibration(spec, version);
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, JSON.writeValueAsString(spec) + "\n");
  }

  public Spec spec() {
    return spec;
  }

  @Override
  public String version() {
    return spec.version();
  }

  /** The fitted quality of an answer with these features, 0–1 (before any safety rule). */
  public double quality(double[] features) {
    return regressor.predict(features);
  }

  @Override
  public java.util.Optional<SampleVote> sampleVote() {
    return java.util.Optional.ofNullable(spec.sampleVote());
  }

  @Override
  public int score(double[] features, int handScore, boolean flagged) {
    int calibrated = (int) Math.round(100 * Math.max(0, Math.min(1, quality(features))));
    return flagged ? Math.min(handScore, calibrated) : calibrated;
  }
}
