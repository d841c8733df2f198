package dev.interviewtutor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.practice.FixedCoverageGrader;
import dev.interviewtutor.practice.KeywordTestGrader;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.TestBank;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.Sql;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal front-end in-process, with the test grader: commands, multi-line answers, colours,
 * resume.
 */
class TerminalTutorTest {
  @TempDir Path dir;

  String session(
      Database db,
      String stdin,
      boolean colour,
      java.util.function.Function<TerminalTutor, Integer> run) {
    PracticeService service =
        new PracticeService(
            TestBank.bank(3, 2),
            TestBank::rubric,
            new KeywordTestGrader(),
            db,
            new MutableClock(Instant.parse("2026-06-01T10:00:00Z")));
    Person me = service.person("local:me", "me", ZoneId.of("UTC"));
    Scope scope = service.scope(ScopeKind.TERMINAL, "local", "terminal");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Terminal term = new Terminal(new BufferedReader(new StringReader(stdin)), out, colour, true);
    run.apply(new TerminalTutor(service, me, scope, term));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void multi_line_answers_hints_skips_and_quit_then_resume() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      String out =
          session(
              db,
              "q1a is first "
                  + "and a very long line typed without breaks ".repeat(4)
                  + "\nand q1b on a second line\n\n:hint\n:hint\nq2a\n\n:skip\n:quit\n",
              false,
              t -> t.interview("node", 3, false));
      assertTrue(out.contains("Question 1/3"), out);
      assertTrue(out.contains("Score 80/100"), "both lines of the answer were graded: " + out);
      assertTrue(out.contains("hint: q2a is the main idea"), out);
      assertTrue(out.contains("hint: q2b is a detail"), out);
      assertTrue(out.contains("Score 60/100"), out);
      assertTrue(!out.contains("capped by a hint"), "60 is below the cap, so the grade stands");
      assertTrue(out.contains("Interview summary"), out);
      assertEquals(2L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts")));
      for (String line : out.split("\n")) {
        assertTrue(line.length() <= Terminal.WIDTH, "too wide: " + line);
      }
    }
  }

  @Test
  void an_interrupted_interview_resumes_in_a_new_session() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      String first = session(db, "q1a\n\n:quit\n", false, t -> t.interview(null, 3, false));
      assertTrue(first.contains("Interview saved"), first);
      String second = session(db, "q2a q2b q2c\n\n", false, t -> t.interview(null, 3, false));
      assertTrue(second.contains("Resuming your interview at question 2 of 3"), second);
      assertTrue(second.contains("Score 100/100"), second);
    }
  }

  @Test
  void colours_only_when_enabled() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      String plain = session(db, "q1a\n\n:quit\n", false, t -> t.interview(null, 2, true));
      String coloured = session(db, "q1a\n\n:quit\n", true, t -> t.interview(null, 2, true));
      assertTrue(!plain.contains("\u001b["), plain);
      assertTrue(coloured.contains("\u001b[1m"), coloured);
    }
  }

  @Test
  void forget_me_asks_first() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      session(db, "q1a\n\n", false, t -> t.interview(null, 1, true));
      String no = session(db, "nope\n", false, t -> t.forgetMe(false));
      assertTrue(no.contains("Nothing deleted"), no);
      assertEquals(1L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts")));
      String yes = session(db, "yes\n", false, t -> t.forgetMe(false));
      assertTrue(yes.contains("Forgotten"), yes);
      assertEquals(0L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts")));
    }
  }

  /**
   * The printed grade of one interview answer graded by {@link FixedCoverageGrader} (the given key
   * points covered, the rest missed) on a question whose eight key points weigh, in rubric order,
   * 1, 1, 2, 1, 3, 1, 1.5, 1: from the score line up to the next-review line.
   */
  String printedGrade(String db, String... covered) {
    try (Database database = Database.open(dir.resolve(db))) {
      PracticeService service =
          new PracticeService(
              TestBank.bank(1, 0),
              q -> FixedCoverageGrader.rubric(q.id(), 1, 1, 2, 1, 3, 1, 1.5, 1),
              new FixedCoverageGrader(Set.of(covered)),
              database,
              new MutableClock(Instant.parse("2026-06-01T10:00:00Z")));
      Person me = service.person("local:me", "me", ZoneId.of("UTC"));
      Scope scope = service.scope(ScopeKind.TERMINAL, "local", "terminal");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Terminal term =
          new Terminal(
              new BufferedReader(new StringReader("Something else entirely.\n\n")),
              new PrintStream(bytes, true, StandardCharsets.UTF_8),
              false,
              true);
      new TerminalTutor(service, me, scope, term).interview("node", 1, true);
      String out = bytes.toString(StandardCharsets.UTF_8);
      int from = out.indexOf("Score ");
      int to = out.indexOf("Next review", from);
      assertTrue(from >= 0 && to > from, out);
      return out.substring(from, to);
    }
  }

  @Test
  void an_answer_that_covers_nothing_lists_only_the_three_heaviest_missed_points() {
    String grade = printedGrade("off-topic.db");

    List<String> missed = grade.lines().filter(l -> l.startsWith("  - ")).toList();
    assertEquals(
        List.of("  - point 5 weighs 3.0", "  - point 3 weighs 2.0", "  - point 7 weighs 1.5"),
        missed,
        grade);
    assertTrue(grade.contains("\n    … and 5 more\n"), grade);
  }

  @Test
  void an_answer_that_covers_a_point_lists_at_most_five_missed_points() {
    String grade = printedGrade("one-covered.db", "kp1");

    assertTrue(grade.contains("  + point 1 weighs 1.0"), grade);
    List<String> missed = grade.lines().filter(l -> l.startsWith("  - ")).toList();
    assertEquals(
        List.of(
            "  - point 5 weighs 3.0",
            "  - point 3 weighs 2.0",
            "  - point 7 weighs 1.5",
            "  - point 2 weighs 1.0",
            "  - point 4 weighs 1.0"),
        missed,
        grade);
    assertTrue(grade.contains("\n    … and 2 more\n"), grade);
  }

  @Test
  void a_few_missed_points_are_all_listed_without_a_more_line() {
    String grade = printedGrade("mostly-covered.db", "kp1", "kp2", "kp4", "kp6");

    assertEquals(4L, grade.lines().filter(l -> l.startsWith("  - ")).count(), grade);
    assertTrue(!grade.contains("… and"), grade);
  }

  @Test
  void wrapping_keeps_lines_within_the_width_and_indents_continuations() {
    List<String> lines = Terminal.wrap("word ".repeat(60), 80, "  + ", "    ");
    assertTrue(lines.size() > 2);
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80), lines.toString());
    assertTrue(lines.get(1).startsWith("    word"));
  }
}
