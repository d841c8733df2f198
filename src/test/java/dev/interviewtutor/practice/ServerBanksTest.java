package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.BankProblem;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionIds;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's own banks: an upload is checked like a bank file and reports every problem by line; a
 * good one is seen only on its server (picking, topics, reviews, the daily question), under ids no
 * other place has; the shipped banks can be switched off per server; removing or replacing a bank
 * leaves stored state working; everything survives a restart (a new engine on the same database).
 */
class ServerBanksTest {
  static final String CONTAINERS =
      """
      ---
      topic: Containers
      ---

      # 1. What is a container image?

      ### Explanation
      A container image is a read-only template holding an application and everything it needs to run. Containers
      are started from images, and many containers can share one image.

      ### Interview Tip
      Say that images are built in layers that are cached and shared.

      # 2. Why would you mount a volume into a container?

      ### Explanation
      A volume keeps data outside the container's writable layer, so the data survives when the container is
      removed and can be shared between containers.
      """;

  /**
   * Two mistakes: a question heading indented by a space, and a numbered heading one level too
   * deep.
   */
  static final String BROKEN =
      """
      # 1. What is a container image?

      ### Explanation
      A read-only template for containers.

       # 2. What is a volume?

      ### Explanation
      Storage that outlives a container.

      ### 3 What is a registry?

      ### Explanation
      A server that stores images.
      """;

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));
  final QuestionBank shipped = TestBank.bank(3, 2);
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("tutor.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  PracticeService service() {
    return new PracticeService(shipped, TestBank::rubric, new KeywordTestGrader(), db, clock);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void an_uploaded_bank_is_seen_only_on_its_server_under_its_own_ids() {
    PracticeService practice = service();
    Scope one = practice.scope(ScopeKind.GUILD, "111", "One");
    Scope two = practice.scope(ScopeKind.GUILD, "222", "Two");
    Person ada = practice.person("discord:1", "Ada");

    ServerBanks.Upload upload =
        practice.serverBanks().upload(one, "Containers.md", utf8(CONTAINERS), ada.key());

    assertTrue(upload.saved(), () -> "problems: " + upload.problems());
    assertEquals("containers", upload.name());
    assertEquals(2, upload.questions());
    List<Question> own =
        practice.bank(one).questions().stream()
            .filter(q -> shipped.find(q.id()).isEmpty())
            .toList();
    assertEquals(
        List.of("What is a container image?", "Why would you mount a volume into a container?"),
        own.stream().map(Question::title).toList());
    String prefix = QuestionIds.serverNamespace(one.id()) + "/";
    assertTrue(
        own.stream()
            .allMatch(
                q ->
                    q.id().startsWith(prefix)
                        && q.id().length() <= QuestionIds.MAX_ID
                        && !q.id().contains(":")),
        () -> "ids: " + own);
    assertTrue(practice.topics(one).contains("Containers"));
    assertEquals(
        shipped.questions().size() + 2,
        practice.bank(one).questions().size(),
        "shipped ones stay on");

    assertFalse(practice.topics(two).contains("Containers"), "another server does not see it");
    assertEquals(shipped.questions(), practice.bank(two).questions());
    assertEquals(shipped.questions(), practice.bank().questions(), "nor do DMs and the terminal");
    assertThrows(UserFacingException.class, () -> practice.nextQuestion(ada, two, "Containers"));
    assertThrows(UserFacingException.class, () -> practice.question(two, own.get(0).id()));

    Question picked = practice.nextQuestion(ada, one, "containers");
    assertEquals(own.get(0), picked, "unseen questions in bank order");
    assertEquals(own.get(0), practice.question(one, own.get(0).id()));
    assertEquals(
        own.get(0), practice.questionOrRemoved(own.get(0).id()), "found by id from anywhere");
  }

  @Test
  void the_same_file_on_two_servers_gets_ids_that_never_meet() {
    PracticeService practice = service();
    Scope one = practice.scope(ScopeKind.GUILD, "111", "One");
    Scope two = practice.scope(ScopeKind.GUILD, "222", "Two");
    practice.serverBanks().upload(one, "containers.md", utf8(CONTAINERS), "discord:1");
    practice.serverBanks().upload(two, "containers.md", utf8(CONTAINERS), "discord:2");

    Set<String> idsOne = ownIds(practice, one);
    Set<String> idsTwo = ownIds(practice, two);
    assertEquals(2, idsOne.size());
    assertEquals(2, idsTwo.size());
    assertTrue(idsOne.stream().noneMatch(idsTwo::contains), idsOne + " vs " + idsTwo);
    assertTrue(idsOne.stream().noneMatch(id -> shipped.find(id).isPresent()));
  }

  Set<String> ownIds(PracticeService practice, Scope scope) {
    return practice.bank(scope).questions().stream()
        .map(Question::id)
        .filter(id -> shipped.find(id).isEmpty())
        .collect(Collectors.toSet());
  }

  @Test
  void a_broken_upload_reports_every_problem_by_line_and_changes_nothing() {
    PracticeService practice = service();
    Scope one = practice.scope(ScopeKind.GUILD, "111", "One");

    ServerBanks.Upload upload =
        practice.serverBanks().upload(one, "containers.md", utf8(BROKEN), "discord:1");

    assertFalse(upload.saved());
    List<Integer> lines = upload.problems().stream().map(BankProblem::line).toList();
    assertTrue(lines.contains(6), "the indented heading, line 6: " + upload.problems());
    assertTrue(lines.contains(11), "the heading one level too deep, line 11: " + upload.problems());
    assertEquals(lines.stream().sorted().toList(), lines, "sorted by line");
    assertTrue(
        upload.problems().stream().allMatch(p -> p.file().toString().equals("containers.md")));
    assertEquals(shipped.questions(), practice.bank(one).questions(), "nothing was added");
    assertTrue(practice.serverBanks().list(one).own().isEmpty());
  }

  @Test
  void files_that_are_too_big_or_not_markdown_are_refused() {
    PracticeService practice = service();
    Scope one = practice.scope(ScopeKind.GUILD, "111", "One");
    byte[] big = new byte[ServerBanks.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');

    ServerBanks.Upload tooBig = practice.serverBanks().upload(one, "huge.md", big, "discord:1");
    ServerBanks.Upload notMarkdown =
        practice.serverBanks().upload(one, "notes.txt", utf8(CONTAINERS), "discord:1");

    assertFalse(tooBig.saved());
    assertTrue(
        tooBig.problems().get(0).message().contains("at most " + ServerBanks.MAX_BYTES + " bytes"));
    assertFalse(notMarkdown.saved());
    assertTrue(notMarkdown.problems().get(0).message().contains(".md"));
    assertTrue(practice.serverBanks().list(one).own().isEmpty());
  }

  @Test
  void a_shipped_bank_switched_off_leaves_that_server_only() {
    PracticeService practice = service();
    Scope one = practice.scope(ScopeKind.GUILD, "111", "One");
    Scope two = practice.scope(ScopeKind.GUILD, "222", "Two");
    assertEquals(
        List.of(new ServerBanks.ShippedBank("test-bank", 5, true)),
        practice.serverBanks().list(one).shipped());

    practice.serverBanks().setShipped(one, "test-bank", false);

    assertTrue(practice.bank(one).questions().isEmpty());
    assertEquals(
        List.of(new ServerBanks.ShippedBank("test-bank", 5, false)),
        practice.serverBanks().list(one).shipped());
    assertEquals(shipped.questions(), practice.bank(two).questions());
    assertThrows(
        UserFacingException.class,
        () -> practice.serverBanks().setShipped(one, "no-such-bank", false));

    practice.serverBanks().upload(one, "containers.md", utf8(CONTAINERS), "discord:1");
    Person ada = practice.person("discord:1", "Ada");
    practice.daily().configure(one, "42", LocalTime.of(9, 0), ZoneOffset.UTC, ada);
    Question posted = practice.daily().postNow(one).question();
    assertTrue(
        posted.id().startsWith(QuestionIds.serverNamespace(one.id()) + "/"),
        "the daily question comes from what the server sees: " + posted.id());

    practice.serverBanks().setShipped(one, "test-bank", true);
    assertEquals(7, practice.bank(one).questions().size());
  }

  @Test
  void removing_or_replacing_a_bank_leaves_progress_interviews_and_daily_posts_working() {
    PracticeService practice = service();
    Scope one = practice.scope(ScopeKind.GUILD, "111", "One");
    Person ada = practice.person("discord:1", "Ada");
    practice.serverBanks().setShipped(one, "test-bank", false);
    practice.serverBanks().upload(one, "containers.md", utf8(CONTAINERS), ada.key());
    Question first = practice.nextQuestion(ada, one, "");
    practice.answer(ada, one, first, "A read-only template with layers.", AttemptKind.PRACTICE, 0);
    InterviewState interview = practice.startInterview(ada, one, "", 2);
    practice.daily().configure(one, "42", LocalTime.of(9, 0), ZoneOffset.UTC, ada);
    long post = practice.daily().postNow(one).id();

    // Replaced by a version without question 1: its id is gone, question 2 keeps its id.
    String second = practice.bank(one).questions().get(1).id();
    String withoutFirst =
        CONTAINERS.substring(0, CONTAINERS.indexOf("# 1."))
            + CONTAINERS.substring(CONTAINERS.indexOf("# 2."));
    ServerBanks.Upload replaced =
        practice.serverBanks().upload(one, "containers.md", utf8(withoutFirst), ada.key());
    assertTrue(replaced.replaced());
    assertEquals(
        List.of(second),
        practice.bank(one).questions().stream().map(Question::id).toList(),
        "the kept question keeps its id");

    // A restarted program on the same database: everything stored still reads.
    PracticeService restarted = service();
    assertTrue(PracticeService.removed(restarted.questionOrRemoved(first.id())));
    assertEquals(1, restarted.stats(ada).answers());
    Optional<InterviewState> active = restarted.activeInterview(ada, one);
    assertTrue(active.isPresent());
    assertEquals(
        second, active.get().current().orElseThrow().id(), "the removed question is skipped");
    assertEquals(post, restarted.daily().post(post).id());

    assertTrue(restarted.serverBanks().remove(one, "containers"));
    assertFalse(restarted.serverBanks().remove(one, "containers"));
    assertTrue(restarted.bank(one).questions().isEmpty());
    assertTrue(PracticeService.removed(restarted.questionOrRemoved(second)));
    assertTrue(
        restarted.activeInterview(ada, one).isEmpty(), "an interview left with no question ends");
    assertTrue(
        restarted.summary(interview.sessionId()).toString().contains("removed from the bank"));
    assertEquals(1, restarted.stats(ada).answers());
    assertTrue(PracticeService.removed(restarted.daily().post(post).question()));
  }

  @Test
  void uploads_and_switches_survive_a_restart() {
    PracticeService practice = service();
    Scope one = practice.scope(ScopeKind.GUILD, "111", "One");
    practice.serverBanks().upload(one, "containers.md", utf8(CONTAINERS), "discord:1");
    practice.serverBanks().setShipped(one, "test-bank", false);

    PracticeService restarted = service();
    ServerBanks.Listing listing = restarted.serverBanks().list(one);

    assertEquals(List.of(new ServerBanks.OwnBank("containers", 2)), listing.own());
    assertEquals(List.of(new ServerBanks.ShippedBank("test-bank", 5, false)), listing.shipped());
    assertEquals(2, restarted.bank(one).questions().size());
  }
}
