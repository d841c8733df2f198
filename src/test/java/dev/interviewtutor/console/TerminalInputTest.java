package dev.interviewtutor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.practice.KeywordTestGrader;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.TestBank;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the terminal does with what people type, and what its messages tell them to type. */
class TerminalInputTest {
  @TempDir Path dir;

  String session(String stdin, String invocation, Function<TerminalTutor, Integer> run) {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      PracticeService service =
          new PracticeService(
              TestBank.bank(3, 0),
              TestBank::rubric,
              new KeywordTestGrader(),
              db,
              new MutableClock(Instant.parse("2026-06-01T10:00:00Z")));
      Person me = service.person("local:me", "me", ZoneId.of("UTC"));
      Scope scope = service.scope(ScopeKind.TERMINAL, "local", "terminal");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      Terminal term = new Terminal(new BufferedReader(new StringReader(stdin)), out, false, true);
      run.apply(new TerminalTutor(service, me, scope, term, invocation, questions -> {}));
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void an_empty_enter_shows_a_short_hint_instead_of_nothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Terminal term =
        new Terminal(
            new BufferedReader(new StringReader("\n\nmy answer\n\n")),
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            false,
            false);
    Terminal.Input input = term.readAnswer();
    assertEquals(new Terminal.Answer("my answer"), input);
    String screen = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(
        2, screen.split(java.util.regex.Pattern.quote(Terminal.EMPTY_HINT), -1).length - 1, screen);
  }

  @Test
  void escape_sequences_and_control_characters_are_never_echoed_or_kept() {
    String typed =
        "red \u001b[31mtext\u001b[0m, a title \u001b]0;pwned\u0007, bell \u0007 and\tTAB, é ünïcode ✓\n\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Terminal term =
        new Terminal(
            new BufferedReader(new StringReader(typed)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            false,
            true);
    Terminal.Answer answer = (Terminal.Answer) term.readAnswer();
    assertEquals("red text, a title , bell  and TAB, é ünïcode ✓", answer.text());
    String screen = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(
        screen.chars().anyMatch(ch -> ch < 0x20 && ch != '\n'),
        "no control characters echoed: " + screen);
    assertTrue(screen.contains("é ünïcode ✓"), screen);
  }

  @Test
  void input_is_read_as_utf8_whatever_the_locale() throws Exception {
    byte[] utf8 = "naïve café — ✓\n\n".getBytes(StandardCharsets.UTF_8);
    Terminal term =
        new Terminal(
            Terminal.utf8Reader(new ByteArrayInputStream(utf8)),
            new PrintStream(new ByteArrayOutputStream()),
            false,
            false);
    assertEquals(new Terminal.Answer("naïve café — ✓"), term.readAnswer());
  }

  @Test
  void messages_name_the_command_that_started_the_tutor() {
    String saved =
        session(
            "q1a\n\n:quit\n",
            "java -jar /opt/tutor/interview-tutor.jar",
            t -> t.interview(null, 3, false));
    assertTrue(saved.contains("Run `java -jar /opt/tutor/interview-tutor.jar practice`"), saved);
    assertFalse(saved.contains("`tutor "), "no command that does not exist: " + saved);
    String viaLauncher = session(":quit\n", "bin/tutor", t -> t.interview(null, 3, false));
    assertTrue(viaLauncher.contains("`bin/tutor practice`"), viaLauncher);
  }

  @Test
  void stats_and_review_with_nothing_yet_name_a_real_command() {
    String stats = session("", "bin/tutor", TerminalTutor::stats);
    assertTrue(stats.contains("No answers yet: start with `bin/tutor practice`."), stats);
    String review = session("", "bin/tutor", TerminalTutor::review).replaceAll("\\s+", " ");
    assertTrue(review.contains("Answer some questions first: `bin/tutor practice`."), review);
  }

  @Test
  void skip_shows_the_model_answer_and_says_it_counts_zero_in_the_average() {
    String out = session(":skip\n:skip\nq3a q3b q3c\n\n", "tutor", t -> t.interview(null, 3, true));
    assertTrue(out.contains("Skipped. It counts 0 in this interview's average"), out);
    assertTrue(out.contains("Model answer: Model answer for 1"), out);
    assertTrue(out.contains("Model answer: Model answer for 2"), out);
    assertTrue(out.contains("Interview summary: 33/100 on average"), out);
    assertTrue(out.contains("Skipped questions count 0 in the average: 2 of 3"), out);
  }
}
