package dev.interviewtutor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.llm.FollowUpAsker;
import dev.interviewtutor.practice.KeywordTestGrader;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.TestBank;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A terminal mock interview asks the follow-up after a partial answer and grades the reply. */
class TerminalFollowUpTest {
  @Test
  void should_ask_and_grade_a_follow_up_in_the_terminal(@TempDir Path dir) {
    try (Database db = Database.open(dir.resolve("tutor.db"))) {
      PracticeService service =
          new PracticeService(
              TestBank.bank(2, 0),
              TestBank::rubric,
              new KeywordTestGrader(),
              db,
              new MutableClock(Instant.parse("2026-03-10T12:00:00Z")),
              FollowUpAsker.offline(true));
      Person ana = service.person("local:ana", "Ana", ZoneId.of("UTC"));
      Scope terminal = service.scope(ScopeKind.TERMINAL, "local", "terminal");
      String input = "My answer: q1a matters.\n\nq1b matters too.\n\n:quit\n";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Terminal term =
          new Terminal(
              new BufferedReader(new StringReader(input)),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              false,
              false);

      int code = new TerminalTutor(service, ana, terminal, term).interview("node", 2, true);

      String transcript = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, code);
      assertTrue(transcript.contains("Score 60/100 (partially correct)"), transcript);
      assertTrue(transcript.contains("Follow-up: Good start."), transcript);
      assertTrue(transcript.contains("Follow-up: 100/100 (correct)"), transcript);
      assertTrue(
          transcript.contains("Question 2/2"),
          "the interview goes on after the follow-up\n" + transcript);
    }
  }
}
