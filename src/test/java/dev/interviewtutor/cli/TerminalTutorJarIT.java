package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code target/interview-tutor.jar} as a user would: answers on stdin, then checks
 * the transcript and the database file. Run by failsafe in {@code verify}, after {@code package}.
 */
class TerminalTutorJarIT {
  @TempDir Path dir;
  Path jar;
  Path db;
  Path knowledge;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    jar = Path.of(System.getProperty("tutor.jar", "target/interview-tutor.jar"));
    assertTrue(
        Files.isRegularFile(jar),
        "build the jar first (mvn verify runs package before this test): " + jar);
    db = dir.resolve("data/tutor.db");
    knowledge = Files.createDirectories(dir.resolve("knowledge"));
    Path seed = Path.of("src/test/resources/seeds/interview-questions-71-80.md");
    Path bank = Files.exists(seed) ? seed : firstBank(Path.of("knowledge"));
    Assumptions.assumeTrue(
        bank != null, "no question bank found (src/test/resources/seeds or knowledge/)");
    Files.copy(bank, knowledge.resolve("nodejs.md"));
  }

  private static Path firstBank(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".md") && !f.endsWith("README.md"))
          .sorted()
          .findFirst()
          .orElse(null);
    }
  }

  Run run(String stdin, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--db",
                db.toString(),
                "--knowledge",
                knowledge.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("DISCORD_TOKEN");
    pb.environment().remove("TUTOR_DB");
    pb.environment().put("NO_COLOR", "1");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the jar did not finish");
    Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    for (String line : run.out().split("\n")) {
      assertTrue(line.length() <= 80, "line wider than 80 columns: [" + line + "]");
      assertTrue(!line.contains("\u001b["), "no colours when stdout is not a terminal: " + line);
    }
    return run;
  }

  long count(String sql) {
    try (Database d = Database.open(db)) {
      return d.read(c -> Sql.count(c, sql));
    }
  }

  @Test
  void a_mock_interview_on_stdin_is_graded_saved_resumed_and_forgotten() throws Exception {
    // No arguments: the main job runs a mock interview in the terminal.
    Run first =
        run(
            String.join(
                "\n",
                "Node.js scales with the cluster module: several processes, one per CPU core,",
                "behind a load balancer, with stateless APIs so it scales horizontally.",
                "",
                ":hint",
                "Worker threads run JavaScript in parallel threads for CPU-intensive work.",
                "",
                ":skip",
                ":quit",
                ""));
    assertEquals(0, first.exit(), first.err());
    String out = first.out();
    assertTrue(
        out.lines().anyMatch(l -> l.contains("DISCORD_TOKEN")),
        "one line on how to connect Discord");
    assertEquals(1, out.lines().filter(l -> l.contains("DISCORD_TOKEN")).count());
    assertTrue(out.contains("Question 1/5"), out);
    assertTrue(out.contains("How Does Node.js Scale?"), out);
    assertTrue(out.contains("Score "), out);
    assertTrue(out.contains("hint:"), out);
    assertTrue(out.contains("capped at 70"), out);
    assertTrue(out.contains("Skipped."), out);
    assertTrue(out.contains("Interview saved"), out);

    assertEquals(2, count("SELECT COUNT(*) FROM attempts WHERE kind = 'interview'"));
    assertEquals(1, count("SELECT COUNT(*) FROM attempts WHERE hints = 1 AND score <= 70"));
    assertTrue(
        count("SELECT MAX(score) FROM attempts WHERE question_id = '71'") >= 50,
        "a good answer to 71 scores well");
    assertEquals(
        1,
        count("SELECT COUNT(*) FROM interview_sessions WHERE status = 'active' AND position = 3"));
    assertEquals(1, count("SELECT COUNT(*) FROM interview_items WHERE status = 'skipped'"));

    // The interrupted interview resumes where it stopped.
    Run second =
        run(
            String.join(
                "\n",
                "Backpressure is when a writable stream cannot keep up; pipe() handles it by",
                "pausing the readable stream until the drain event.",
                "",
                "I don't know.",
                "",
                ""),
            "practice");
    assertEquals(0, second.exit(), second.err());
    assertTrue(second.out().contains("Resuming your interview at question 4 of 5"), second.out());
    assertTrue(second.out().contains("Interview summary"), second.out());
    assertTrue(second.out().contains("Review next:"), second.out());
    assertEquals(4, count("SELECT COUNT(*) FROM attempts"));
    assertEquals(1, count("SELECT COUNT(*) FROM interview_sessions WHERE status = 'finished'"));

    Run stats = run("", "stats");
    assertEquals(0, stats.exit(), stats.err());
    assertTrue(stats.out().contains("Answers 4"), stats.out());
    assertTrue(stats.out().contains("Mastery per topic"), stats.out());

    Run board = run("", "leaderboard", "--period", "all");
    assertEquals(0, board.exit(), board.err());
    assertTrue(board.out().contains("   1. "), board.out());
    assertTrue(board.out().contains("You: #1 of 1"), board.out());

    Run refused = run("no\n", "forget-me");
    assertEquals(1, refused.exit());
    assertTrue(refused.out().contains("Nothing deleted"), refused.out());
    assertEquals(4, count("SELECT COUNT(*) FROM attempts"));

    Run forgotten = run("yes\n", "forget-me");
    assertEquals(0, forgotten.exit(), forgotten.err());
    assertTrue(forgotten.out().contains("Forgotten"), forgotten.out());
    assertEquals(0, count("SELECT COUNT(*) FROM attempts"));
    assertEquals(0, count("SELECT COUNT(*) FROM people"));
    assertEquals(0, count("SELECT COUNT(*) FROM interview_sessions"));
  }

  @Test
  void a_corrupt_database_is_reported_with_its_file_name_and_no_stack_trace() throws Exception {
    Files.createDirectories(db.getParent());
    Files.writeString(db, "not a database at all ".repeat(100));
    Run run = run("", "stats");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains(db.toAbsolutePath().toString()), run.err());
    assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void bad_options_get_a_clear_message() throws Exception {
    Run run = run("", "practice", "--questions", "0");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--questions must be 1 to"), run.err());
  }
}
