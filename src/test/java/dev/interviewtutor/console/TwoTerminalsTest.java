package dev.interviewtutor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two terminal sessions on one SQLite file, as two processes would be (each with its own connection
 * pool): the first is waiting for an answer to question 1 when the second resumes the same
 * interview and answers it. The first session's answer must not be graded against question 2, which
 * its author never saw.
 */
class TwoTerminalsTest {
  @TempDir Path dir;

  /** Lines typed one at a time by the test; blocks like a terminal in between. */
  static final class Keyboard extends Reader {
    private static final String END = "\u0000end";
    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private String current = "";
    private int pos;

    void type(String text) {
      typed.add(text);
    }

    @Override
    public int read(char[] buf, int off, int len) {
      try {
        while (pos >= current.length()) {
          String next = typed.take();
          if (next.equals(END)) {
            return -1;
          }
          current = next;
          pos = 0;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      int n = Math.min(len, current.length() - pos);
      current.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      typed.add(END);
    }
  }

  static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.get()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
      Thread.sleep(10);
    }
  }

  TerminalTutor tutor(Database db, Reader in, PrintStream out) {
    PracticeService service =
        new PracticeService(
            TestBank.bank(3, 0),
            TestBank::rubric,
            new KeywordTestGrader(),
            db,
            new MutableClock(Instant.parse("2026-06-01T10:00:00Z")));
    Person me = service.person("local:me", "me", ZoneId.of("UTC"));
    Scope scope = service.scope(ScopeKind.TERMINAL, "local", "terminal");
    return new TerminalTutor(
        service, me, scope, new Terminal(new BufferedReader(in), out, false, true));
  }

  @Test
  void
      an_answer_typed_in_a_terminal_whose_interview_moved_on_elsewhere_is_not_graded_against_another_question()
          throws Exception {
    Path file = dir.resolve("tutor.db");
    ByteArrayOutputStream firstBytes = new ByteArrayOutputStream();
    PrintStream firstOut = new PrintStream(firstBytes, true, StandardCharsets.UTF_8);
    Supplier<String> firstScreen =
        () -> {
          synchronized (firstBytes) {
            return firstBytes.toString(StandardCharsets.UTF_8);
          }
        };
    Keyboard keyboard = new Keyboard();
    try (Database first = Database.open(file);
        Database second = Database.open(file)) {
      TerminalTutor one = tutor(first, keyboard, firstOut);
      CompletableFuture<Integer> running =
          CompletableFuture.supplyAsync(() -> one.interview(null, 3, false));
      waitFor(
          () -> firstScreen.get().contains("Question 1/3"), "the first terminal asks question 1");

      // The second terminal resumes the same interview and answers question 1 completely.
      ByteArrayOutputStream secondBytes = new ByteArrayOutputStream();
      TerminalTutor two =
          tutor(
              second,
              new StringReader("q1a q1b q1c\n\n:quit\n"),
              new PrintStream(secondBytes, true, StandardCharsets.UTF_8));
      assertEquals(0, two.interview(null, 3, false));
      String secondScreen = secondBytes.toString(StandardCharsets.UTF_8);
      assertTrue(secondScreen.contains("Resuming your interview at question 1 of 3"), secondScreen);
      assertTrue(secondScreen.contains("Score 100/100"), secondScreen);

      // Now the first terminal's author sends their answer to question 1, as they saw it.
      keyboard.type("q1a is what I know\n\n");
      waitFor(
          () -> firstScreen.get().contains("Question 2/3"),
          "the first terminal moves on to question 2");
      keyboard.type(":quit\n");
      keyboard.close();
      assertEquals(0, running.get(30, TimeUnit.SECONDS));

      String screen = firstScreen.get();
      assertTrue(screen.contains("moved on in another window"), screen);
      assertTrue(!screen.contains("Score "), "nothing was graded in the first terminal: " + screen);
      assertEquals(1L, (long) first.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts")));
      assertEquals(
          0L,
          (long)
              first.read(
                  c ->
                      Sql.count(
                          c, "SELECT COUNT(*) FROM attempts WHERE answer LIKE '%what I know%'")),
          "the stale answer is not recorded");
      assertEquals(
          1L,
          (long)
              first.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT COUNT(*) FROM interview_sessions WHERE status = 'active' AND position = 1")));
    }
  }

  @Test
  void a_terminal_whose_interview_was_replaced_elsewhere_says_so_instead_of_failing()
      throws Exception {
    Path file = dir.resolve("tutor.db");
    ByteArrayOutputStream firstBytes = new ByteArrayOutputStream();
    PrintStream firstOut = new PrintStream(firstBytes, true, StandardCharsets.UTF_8);
    Keyboard keyboard = new Keyboard();
    try (Database first = Database.open(file);
        Database second = Database.open(file)) {
      TerminalTutor one = tutor(first, keyboard, firstOut);
      CompletableFuture<Integer> running =
          CompletableFuture.supplyAsync(() -> one.interview(null, 3, false));
      waitFor(
          () -> firstBytes.toString(StandardCharsets.UTF_8).contains("Question 1/3"), "question 1");
      // The second terminal starts a new interview (practice --new), which ends the first one's.
      TerminalTutor two =
          tutor(second, new StringReader(":quit\n"), new PrintStream(new ByteArrayOutputStream()));
      two.interview(null, 2, true);

      keyboard.type("q1a\n\n");
      keyboard.close();
      assertEquals(0, running.get(30, TimeUnit.SECONDS));
      String screen = firstBytes.toString(StandardCharsets.UTF_8);
      assertTrue(screen.contains("ended in another window"), screen);
      assertEquals(0L, (long) first.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts")));
    }
  }
}
