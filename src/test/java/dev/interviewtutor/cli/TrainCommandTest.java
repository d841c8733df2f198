package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tutor train} on small labelled files written for the test, laid out like the shared
 * datasets.
 */
class TrainCommandTest {
  private static final String STACK_Q = "What is a stack?";
  private static final String STACK_R = "A stack is a last-in, first-out structure.";
  private static final String QUEUE_Q = "What is a queue?";
  private static final String QUEUE_R =
      "A queue is first-in, first-out: items leave in the order they arrived.";

  static Path datasets(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("mohler"));
    Files.createDirectories(dir.resolve("scientsbank"));
    Files.createDirectories(dir.resolve("beetle"));
    StringBuilder m =
        new StringBuilder(
            "question_id\tassignment\tquestion\treference_answer\tstudent_answer\tscore_avg\n");
    List<String[]> answers =
        List.of(
            new String[] {"Last in, first out: you pop what you pushed last.", "5.0", "correct"},
            new String[] {"The last element pushed is the first one popped.", "4.5", "correct"},
            new String[] {"It is a list of things.", "2.0", "partially_correct_incomplete"},
            new String[] {"A stack is first-in, first-out like a queue.", "1.0", "contradictory"},
            new String[] {"pizza", "0.0", "irrelevant"});
    List<String> semeval = new ArrayList<>();
    int n = 0;
    for (int assignment = 1; assignment <= 4; assignment++) {
      String q = assignment % 2 == 0 ? STACK_Q : QUEUE_Q;
      String r = assignment % 2 == 0 ? STACK_R : QUEUE_R;
      for (String[] a : answers) {
        m.append(assignment)
            .append(".1\t")
            .append(assignment)
            .append('\t')
            .append(q)
            .append('\t')
            .append(r)
            .append('\t')
            .append(a[0])
            .append('\t')
            .append(a[1])
            .append('\n');
        semeval.add(
            "x\ttrain\tr"
                + n++
                + "\tq"
                + assignment
                + "\t"
                + q
                + "\t"
                + r
                + "\t"
                + a[0]
                + "\t"
                + a[2]
                + "\n");
      }
    }
    Files.writeString(dir.resolve("mohler/mohler_2273.tsv"), m.toString());
    String header =
        "dataset\tsplit\trow_id\tquestion_key\tquestion\treference_answer\tstudent_answer\tlabel_5way\n";
    Files.writeString(
        dir.resolve("scientsbank/scientsbank_train.tsv"),
        header
            + String.join("", semeval)
            + "x\ttrain\tlong\tq1\t"
            + QUEUE_Q
            + "\t"
            + QUEUE_R
            + "\t"
            + "word ".repeat(900)
            + "\tcorrect\n");
    Files.writeString(dir.resolve("beetle/beetle_train.tsv"), header + String.join("", semeval));
    return dir;
  }

  @Test
  void should_fit_on_the_training_files_and_record_provenance(@TempDir Path dir) throws Exception {
    Path data = datasets(dir.resolve("datasets"));
    Path out = dir.resolve("cal.json");
    CliRun r =
        CliRun.of(
            "train",
            "--datasets",
            data.toString(),
            "--out",
            out.toString(),
            "--quiet",
            "--sets",
            "mohler,scientsbank,beetle",
            "--features-out",
            dir.resolve("features.csv").toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    assertEquals("calibration-v1", json.get("version").asText());
    assertEquals(
        "tutor train --out " + out + " --sets mohler,scientsbank,beetle",
        json.get("command").asText());
    assertTrue(
        json.get("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"),
        json.get("created").asText());
    assertEquals(3, json.get("datasets").size());
    assertEquals("mohler", json.get("datasets").get(0).get("name").asText());
    assertEquals(20, json.get("datasets").get(0).get("rows").asInt());
    assertEquals(
        1,
        json.get("datasets").get(1).get("skipped").asInt(),
        "the 4,500-character answer is skipped");
    assertEquals(60, json.get("fit").get("rows").asInt());
    assertEquals("score", json.get("features").get(0).asText());
    assertEquals(
        61,
        Files.readAllLines(dir.resolve("features.csv")).size(),
        "header + one line per training row");
    assertTrue(r.out().contains("ridge_lambda"), r.out());

    // research: refit from the dumped features without grading again, here without Mohler
    Path refit = dir.resolve("refit.json");
    CliRun again =
        CliRun.of(
            "train",
            "--features-in",
            dir.resolve("features.csv").toString(),
            "--sets",
            "mohler,scientsbank,beetle",
            "--exclude",
            "mohler",
            "--out",
            refit.toString(),
            "--quiet");
    assertEquals(0, again.code(), again.err());
    CliRun loao =
        CliRun.of(
            "train",
            "--features-in",
            dir.resolve("features.csv").toString(),
            "--mohler-loao",
            "--out",
            dir.resolve("loao.json").toString(),
            "--quiet");
    assertEquals(0, loao.code(), loao.err());
    assertTrue(
        loao.out().matches("(?s).*mohler_loao_pearson\\s+-?\\d.*mohler_loao_rmse\\s+\\d.*"),
        loao.out());
    JsonNode refitJson = new ObjectMapper().readTree(Files.readString(refit));
    assertEquals(40, refitJson.get("fit").get("rows").asInt());
    assertTrue(
        refitJson.get("command").asText().contains("--features-in"),
        refitJson.get("command").asText());

    // eval can measure a grader with that file instead of the shipped calibration
    Path eval = dir.resolve("eval.csv");
    Files.writeString(
        eval,
        "question,reference_answer,answer,score\n"
            + STACK_Q
            + ",\""
            + STACK_R
            + "\",\"Last in, first out.\",5\n"
            + STACK_Q
            + ",\""
            + STACK_R
            + "\",pizza,0\n");
    CliRun e =
        CliRun.of(
            "eval",
            "--dataset",
            eval.toString(),
            "--calibration",
            out.toString(),
            "--json",
            "--quiet");
    assertEquals(0, e.code(), e.err());
    assertEquals(
        "calibration-v1", new ObjectMapper().readTree(e.out()).get("calibration").asText());
  }

  @Test
  void should_leave_out_an_excluded_dataset_for_cross_dataset_numbers(@TempDir Path dir)
      throws Exception {
    Path data = datasets(dir.resolve("datasets"));
    Path out = dir.resolve("no-mohler.json");
    CliRun r =
        CliRun.of(
            "train",
            "--datasets",
            data.toString(),
            "--out",
            out.toString(),
            "--exclude",
            "mohler",
            "--version",
            "calibration-no-mohler",
            "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    assertEquals("calibration-no-mohler", json.get("version").asText());
    assertEquals(
        1,
        json.get("datasets").size(),
        "the default recipe is mohler + scientsbank; without mohler: one");
    assertEquals("scientsbank", json.get("datasets").get(0).get("name").asText());
    assertTrue(
        json.get("command").asText().endsWith("--exclude mohler"), json.get("command").asText());
  }

  @Test
  void should_name_the_problem_with_bad_options_or_a_missing_file(@TempDir Path dir)
      throws Exception {
    CliRun unknown =
        CliRun.of(
            "train",
            "--datasets",
            dir.toString(),
            "--out",
            dir.resolve("c.json").toString(),
            "--exclude",
            "bank-dev");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown training set 'bank-dev'"), unknown.err());
    CliRun nothing =
        CliRun.of(
            "train",
            "--datasets",
            dir.toString(),
            "--out",
            dir.resolve("c.json").toString(),
            "--exclude",
            "mohler,scientsbank");
    assertEquals(2, nothing.code());
    assertTrue(nothing.err().contains("leaves no training set"), nothing.err());
    CliRun missing =
        CliRun.of(
            "train",
            "--datasets",
            dir.toString(),
            "--out",
            dir.resolve("c.json").toString(),
            "--quiet");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("mohler_2273.tsv: no such file"), missing.err());
    assertTrue(Files.notExists(dir.resolve("c.json")));
  }
}
