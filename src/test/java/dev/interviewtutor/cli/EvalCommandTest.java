package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  private static final String CSV =
      """
      question,reference_answer,answer,score,unit
      What is a stack?,"A stack is a last-in, first-out structure.","Last in, first out: you pop what you pushed last.",5,a
      What is a stack?,"A stack is a last-in, first-out structure.",I don't know,0,a
      What is a stack?,"A stack is a last-in, first-out structure.","A stack is first-in, first-out like a queue.",1,b
      What is a queue?,A queue is first-in first-out.,"Items leave in the order they arrived, first in first out.",5,b
      What is a queue?,A queue is first-in first-out.,pizza,0,c
      What is a queue?,A queue is first-in first-out.,"First in, first out.",4.5,c
      """;

  @Test
  void should_print_numeric_metrics_and_write_one_prediction_per_row(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("tiny.csv");
    Files.writeString(data, CSV);
    Path predictions = dir.resolve("out/pred.csv");
    CliRun r =
        CliRun.of(
            "eval",
            "--dataset",
            data.toString(),
            "--predictions",
            predictions.toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(6, json.get("rows").asInt());
    assertEquals("nothing", json.get("fitted").asText());
    assertTrue(json.get("pearson").asDouble() > 0, r.out());
    assertTrue(
        json.has("rmse") && json.has("spearman") && json.has("qwk") && json.has("latency_p99_ms"),
        r.out());
    List<String> lines = Files.readAllLines(predictions);
    assertTrue(
        lines.get(0).startsWith("row,gold,score,verdict,mistakes,unsure,capped,feature_"),
        lines.get(0));
    int columns = lines.get(0).split(",").length;
    assertTrue(
        lines.stream().allMatch(l -> l.split(",").length == columns),
        "one value per column: " + lines);
    assertEquals(7, lines.size());
    assertTrue(lines.get(2).startsWith("2,0,0,"), lines.get(2));
    assertTrue(
        lines.stream().skip(1).allMatch(l -> l.split(",")[4].matches("\\d+")),
        "the number of mistakes named, per row: " + lines);
    assertTrue(
        lines.stream().skip(1).allMatch(l -> l.split(",")[5].matches("\\d+")),
        "the number of key points left unverified, per row: " + lines);
    assertTrue(r.err().contains("6/6"), "progress bar on stderr: " + r.err());
  }

  @Test
  void should_fit_only_on_training_folds(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("tiny.csv");
    Files.writeString(data, CSV);
    CliRun r =
        CliRun.of("eval", "--dataset", data.toString(), "--folds", "unit", "--json", "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("leave-one-unit-out", json.get("fitted").asText());
    assertEquals("research mode: calibration fitted at eval time", json.get("mode").asText());
  }

  @Test
  void should_measure_the_shipped_grader_by_default(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("shipped.csv");
    Files.writeString(data, CSV);
    CliRun r = CliRun.of("eval", "--dataset", data.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("shipped grader: nothing fitted at eval time"), r.out());
    assertTrue(r.out().matches("(?s).*calibration\\s+calibration-v1.*"), r.out());
  }

  @Test
  void should_score_refused_rows_zero_and_count_them_instead_of_stopping(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("hostile.csv");
    Files.writeString(
        data,
        CSV
            + "What is a stack?,A stack is last in first out.,\""
            + "last in first out ".repeat(250)
            + "\",5,d\nWhat is a stack?,A stack is last in first out.,\"  \",0,d\n");
    Path predictions = dir.resolve("pred.csv");
    CliRun r =
        CliRun.of(
            "eval",
            "--dataset",
            data.toString(),
            "--predictions",
            predictions.toString(),
            "--json",
            "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(8, json.get("rows").asInt());
    assertEquals(2, json.get("refused").asInt());
    List<String> lines = Files.readAllLines(predictions);
    assertEquals(9, lines.size());
    assertTrue(lines.get(7).startsWith("7,5,0,refused,"), lines.get(7));
    assertTrue(lines.get(8).startsWith("8,0,0,refused,"), lines.get(8));
  }

  @Test
  void should_report_label_metrics_from_the_verdict(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("labels.tsv");
    Files.writeString(
        data,
        "question\treference_answer\tstudent_answer\tlabel_2way\n"
            + "What is a stack?\tA stack is last in, first out.\tLast in, first out.\tcorrect\n"
            + "What is a stack?\tA stack is last in, first out.\tI don't know\tincorrect\n");
    CliRun r = CliRun.of("eval", "--dataset", data.toString(), "--json", "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.has("accuracy") && json.has("macro_f1"), r.out());
  }

  @Test
  void should_give_each_question_the_sample_answers_of_its_key(@TempDir Path dir) throws Exception {
    String header = "question_key\tquestion\treference_answer\tstudent_answer\tlabel_2way\n";
    String q = "q1\tWhat does a write-ahead log do?\tIt logs each change before the data pages.\t";
    Path data = dir.resolve("test.tsv");
    Files.writeString(
        data, header + q + "A cache of recent query results kept in memory.\tincorrect\n");
    Path samples = dir.resolve("train.tsv");
    Files.writeString(
        samples,
        header
            + q
            + "It is a cache of recent query results, kept in memory.\tincorrect\n"
            + q
            + "Each change goes to the log before the data pages.\tcorrect\n");
    Path without = dir.resolve("without.csv");
    Path with = dir.resolve("with.csv");
    CliRun a =
        CliRun.of(
            "eval", "--dataset", data.toString(), "--predictions", without.toString(), "--quiet");
    CliRun b =
        CliRun.of(
            "eval",
            "--dataset",
            data.toString(),
            "--samples",
            samples.toString(),
            "--predictions",
            with.toString(),
            "--quiet");
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    int scoreWithout = Integer.parseInt(Files.readAllLines(without).get(1).split(",")[2]);
    int scoreWith = Integer.parseInt(Files.readAllLines(with).get(1).split(",")[2]);
    assertTrue(scoreWith <= scoreWithout, scoreWith + " > " + scoreWithout);
    assertTrue(b.out().contains("samples"), b.out());

    Path noLabel = dir.resolve("nolabel.tsv");
    Files.writeString(noLabel, "question_key\tstudent_answer\nq1\tsomething\n");
    CliRun c =
        CliRun.of("eval", "--dataset", data.toString(), "--samples", noLabel.toString(), "--quiet");
    assertEquals(2, c.code());
    assertTrue(c.err().contains("nolabel.tsv:2"), c.err());
  }

  @Test
  void should_name_file_and_line_for_bad_rows(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("bad.csv");
    Files.writeString(data, "question,reference_answer,answer,score\nQ?,R.,A.,five\n");
    CliRun r = CliRun.of("eval", "--dataset", data.toString(), "--quiet");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.csv:2: score 'five' is not a number"), r.err());
    Path noAnswer = dir.resolve("noanswer.csv");
    Files.writeString(noAnswer, "question,reference_answer,score\nQ?,R.,5\n");
    CliRun r2 = CliRun.of("eval", "--dataset", noAnswer.toString(), "--quiet");
    assertEquals(2, r2.code());
    assertTrue(r2.err().contains("no answer column"), r2.err());
  }

  @Test
  void should_run_on_a_slice_of_mohler_when_the_shared_datasets_are_present() throws Exception {
    Path mohler =
        Path.of(
            System.getProperty("tutor.sharedDir", "../shared"), "datasets/mohler/mohler_2273.tsv");
    assumeTrue(
        Files.exists(mohler), "skipped: " + mohler + " is absent (shared datasets not mounted)");
    CliRun r =
        CliRun.of("eval", "--dataset", mohler.toString(), "--limit", "60", "--json", "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(60, json.get("rows").asInt());
    assertTrue(json.get("rmse").asDouble() >= 0 && json.get("rmse").asDouble() <= 5, r.out());
  }
}
