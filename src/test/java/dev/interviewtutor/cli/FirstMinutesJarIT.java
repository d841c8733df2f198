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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first minutes with the real {@code target/interview-tutor.jar}, started from a
 * directory that is not the project: the banks built into the jar, absolute paths of what is used,
 * UTF-8 under {@code LANG=C}, no temporary directories left behind, and the launcher script. Run by
 * failsafe in {@code verify}.
 */
class FirstMinutesJarIT {
  @TempDir Path dir;
  Path jar;
  Path elsewhere;
  Path tmp;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    jar = Path.of(System.getProperty("tutor.jar", "target/interview-tutor.jar")).toAbsolutePath();
    assertTrue(
        Files.isRegularFile(jar),
        "build the jar first (mvn verify runs package before this test): " + jar);
    elsewhere = Files.createDirectories(dir.resolve("somewhere else"));
    tmp = Files.createDirectories(dir.resolve("tmp"));
  }

  Run run(List<String> command, Map<String, String> env, String stdin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TUTOR_") || k.startsWith("DISCORD_"));
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().put("HOME", dir.resolve("home").toString());
    pb.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the jar did not finish");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  Run java(Map<String, String> env, String stdin, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                jar.toString()));
    command.addAll(List.of(args));
    return run(command, env, stdin);
  }

  @Test
  void the_jar_started_from_any_directory_uses_its_built_in_banks_and_says_where_everything_is()
      throws Exception {
    assertTrue(!Files.exists(elsewhere.resolve("knowledge")));
    Run first = java(Map.of(), ":quit\n", "practice");
    assertEquals(0, first.exit(), first.err());
    Path db = elsewhere.resolve("data/tutor.db").toAbsolutePath();
    assertTrue(first.out().contains("Database: " + db), first.out());
    assertTrue(
        first
            .out()
            .matches(
                "(?s).*Banks: "
                    + java.util.regex.Pattern.quote(jar + "!/knowledge (built in), ")
                    + "\\d+ questions.*"),
        first.out());
    assertTrue(first.out().contains("Question 1/5"), first.out());
    assertTrue(
        first
            .out()
            .replaceAll("\\s+", " ")
            .contains("Interview saved. Run `java -jar " + jar + " practice`"),
        "the real invocation (wrapped at 80 columns): " + first.out());
    assertTrue(Files.isRegularFile(db));

    Run list = java(Map.of(), "", "bank", "list");
    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().contains("How Does Node.js Scale?"), list.out());

    // A directory given replaces the built-in banks; one that does not exist is an error naming it.
    Run missing = java(Map.of("TUTOR_KNOWLEDGE", "my-banks"), "", "stats");
    assertEquals(2, missing.exit(), missing.out());
    assertTrue(
        missing.err().contains(elsewhere.resolve("my-banks").toAbsolutePath().toString()),
        missing.err());
  }

  @Test
  void under_lang_c_answers_keep_their_non_ascii_text_and_no_onnx_temp_directory_is_left()
      throws Exception {
    String answer = "Le clustering répartit la charge sur plusieurs processus — un par cœur ✓";
    Run run = java(Map.of("LANG", "C", "LC_ALL", "C"), answer + "\n\n:quit\n", "practice");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains(answer), "echoed as typed: " + run.out());
    assertTrue(run.out().contains("Score "), run.out());
    try (Database db = Database.open(elsewhere.resolve("data/tutor.db"))) {
      assertEquals(
          1L,
          (long)
              db.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT COUNT(*) FROM attempts WHERE answer = '"
                              + answer.replace("'", "''")
                              + "'")),
          "stored as typed");
    }
    try (Stream<Path> left = Files.list(tmp)) {
      List<String> names =
          left.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("onnxruntime"))
              .toList();
      assertEquals(List.of(), names, "ONNX Runtime's temporary directories are gone");
    }
  }

  @Test
  void under_lang_c_a_non_ascii_argument_keeps_its_text() throws Exception {
    String answer = "Node scales out with clustering: several processes, naïve café ✓";
    // The command goes through a script written as UTF-8 bytes: this JVM may itself run under
    // LANG=C, and would
    // then turn the argument into '?' before the jar ever saw it.
    Path script = dir.resolve("grade.sh");
    Files.writeString(
        script,
        "exec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -Djava.io.tmpdir='"
            + tmp
            + "' -jar '"
            + jar
            + "' grade --question 71 --json --answer '"
            + answer
            + "'\n",
        StandardCharsets.UTF_8);

    Run run = run(List.of("sh", script.toString()), Map.of("LANG", "C", "LC_ALL", "C"), "");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains(answer), "quoted as typed in the JSON grade: " + run.out());
  }

  @Test
  void the_launcher_script_runs_the_jar_and_messages_name_it() throws Exception {
    Path launcher = Path.of("bin/tutor").toAbsolutePath();
    assertTrue(Files.isRegularFile(launcher), launcher.toString());
    Run stats =
        run(List.of("sh", launcher.toString(), "stats"), Map.of("TUTOR_JAR", jar.toString()), "");
    assertEquals(0, stats.exit(), stats.err());
    assertTrue(
        stats.out().contains("No answers yet: start with `" + launcher + " practice`."),
        stats.out());
  }
}
