package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command does before its first output is kept to what it needs: stats never starts loading
 * the embedding model, practice starts it in the background, and only the subcommand asked for is
 * built.
 */
class StartupWorkTest {
  @TempDir Path dir;

  TutorConfig config() {
    return TutorConfig.defaults().withDb(dir.resolve("data/tutor.db"));
  }

  @Test
  void stats_never_starts_loading_the_model_and_practice_starts_it_in_the_background() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (TerminalSession stats =
        TerminalSession.open(
            config(), false, new ByteArrayInputStream(new byte[0]), out, false, false, "tutor")) {
      assertEquals(0, stats.tutor().stats());
      assertFalse(stats.graderStarted(), "stats loads no model");
    }
    String screen = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(
        screen.contains("Database: " + dir.resolve("data/tutor.db").toAbsolutePath()), screen);
    assertTrue(
        screen.matches("(?s).*Banks: .*knowledge( \\(built in\\))?, \\d+ questions.*"), screen);
    try (TerminalSession practice =
        TerminalSession.open(
            config(),
            true,
            new ByteArrayInputStream(":quit\n".getBytes(StandardCharsets.UTF_8)),
            out,
            false,
            false,
            "tutor")) {
      assertTrue(practice.graderStarted(), "practice starts loading at once, in the background");
      assertEquals(0, practice.tutor().interview(null, 2, true));
    }
  }

  @Test
  void only_the_subcommand_named_is_built_and_help_still_lists_them_all() {
    TutorCommand root = new TutorCommand(TutorConfig.defaults());
    assertEquals(
        Set.of("stats"),
        TutorCommand.commandLine(root, "--db", "x.db", "stats").getSubcommands().keySet());
    assertEquals(
        Set.of(),
        TutorCommand.commandLine(root, "--db", "x.db").getSubcommands().keySet(),
        "the main job needs no subcommand");
    CliRun help = CliRun.of(TutorConfig.defaults(), "--help");
    assertEquals(0, help.code());
    for (String name :
        new String[] {
          "grade",
          "eval",
          "bench",
          "bank",
          "practice",
          "stats",
          "leaderboard",
          "forget-me",
          "bench-store",
          "review",
          "bot"
        }) {
      assertTrue(
          help.out().contains("  " + name + " ") || help.out().contains("  " + name + "\n"),
          name + " in " + help.out());
    }
    CliRun typo = CliRun.of(TutorConfig.defaults(), "statz");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("stats"), "a suggestion: " + typo.err());
  }

  @Test
  void bench_says_what_it_is_doing_on_stderr_and_keeps_stdout_for_results() {
    CliRun bench =
        CliRun.of(TutorConfig.defaults(), "bench", "--answers", "3", "--threads", "1", "--json");
    assertEquals(0, bench.code(), bench.err());
    assertTrue(bench.err().contains("bench: loading the embedding model"), bench.err());
    assertTrue(bench.err().contains("bench: timing 3 answers on one thread"), bench.err());
    assertTrue(bench.out().strip().startsWith("{"), "only the JSON on stdout: " + bench.out());
    assertTrue(bench.out().contains("\"sample_answers\" : 0"), bench.out());
  }

  @Test
  void bench_can_time_the_sample_vote() {
    CliRun bench =
        CliRun.of(
            TutorConfig.defaults(),
            "bench",
            "--answers",
            "3",
            "--threads",
            "1",
            "--with-samples",
            "--json");
    assertEquals(0, bench.code(), bench.err());
    assertTrue(bench.out().contains("\"sample_answers\" : 10"), bench.out());
  }
}
