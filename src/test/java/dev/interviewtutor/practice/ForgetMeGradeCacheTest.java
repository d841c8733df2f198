package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.grading.llm.GradeCache;
import dev.interviewtutor.grading.llm.LlmStub;
import dev.interviewtutor.grading.llm.TutorGrading;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.Sql;
import dev.interviewtutor.store.SqliteGradeCache;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forget-me also removes the person's LLM grades from the persistent cache (they quote the
 * answers), including replies to interview follow-ups, in the same transaction, and keeps everybody
 * else's.
 */
class ForgetMeGradeCacheTest {
  private static final Pattern KEY_POINT = Pattern.compile("- (kp\\d+): ");

  /**
   * Any rubric: every key point listed in the request, missed; a valid reply the LLM grader
   * accepts.
   */
  static String everythingMissed(String requestBody) {
    Map<String, Object> seen = new LinkedHashMap<>();
    Matcher m = KEY_POINT.matcher(requestBody);
    while (m.find()) {
      seen.putIfAbsent(m.group(1), LlmStub.kp(m.group(1), "missed", ""));
    }
    return LlmStub.json(
        Map.of(
            "keyPoints",
            new ArrayList<>(seen.values()),
            "misconceptions",
            List.of(),
            "score",
            0,
            "feedback",
            "Say more."));
  }

  /**
   * The practice engine grading through the LLM stub, with the SQLite grade cache and the in-memory
   * one.
   */
  private static PracticeService llmGradedService(LlmStub stub, Database db) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    TutorConfig config =
        TutorConfig.fromEnvironment(
            Map.of(
                "TUTOR_LLM_PROVIDER",
                "openai",
                "TUTOR_LLM_BASE_URL",
                stub.baseUrl(),
                "TUTOR_LLM_FOLLOW_UPS",
                "false",
                "TUTOR_DB",
                "unused.db",
                // every answer goes to the LLM: the offline grader would settle these short answers
                // alone
                "TUTOR_LLM_ROUTING",
                "all"));
    TutorGrading grading =
        TutorGrading.fromConfig(
            config, KeywordTestGrader::new, Optional.of(new SqliteGradeCache(db, clock)));
    return new PracticeService(
        TestBank.bank(3, 0), TestBank::rubric, grading.grader(), db, clock, grading.followUps());
  }

  private static long cacheRowsFor(Database db, String answer) {
    return db.read(
        c ->
            Sql.count(
                c,
                "SELECT COUNT(*) FROM llm_grade_cache WHERE answer_hash = ?",
                GradeCache.answerHash(answer)));
  }

  @Test
  void forget_me_removes_the_cached_llm_grades_of_that_persons_answers_only(@TempDir Path dir)
      throws Exception {
    String anaQuiz = "Ana's own words about q1 and her private example.";
    String anaInterview = "Ana explains q2a in her interview.";
    String anaFollowUp = "Ana's reply to the follow-up.";
    String boQuiz = "Bo writes something else entirely about q1.";
    try (LlmStub stub =
            LlmStub.start(LlmStub.Shape.OPENAI).respond(ForgetMeGradeCacheTest::everythingMissed);
        Database db = Database.open(dir.resolve("tutor.db"))) {
      PracticeService service = llmGradedService(stub, db);
      Person ana = service.person("discord:1", "Ana", ZoneId.of("UTC"));
      Person bo = service.person("discord:2", "Bo", ZoneId.of("UTC"));
      Scope guild = service.scope(ScopeKind.GUILD, "42", "Study group");

      service.answer(ana, guild, service.question("1"), anaQuiz, AttemptKind.PRACTICE, 0);
      service.answer(bo, guild, service.question("1"), boQuiz, AttemptKind.PRACTICE, 0);
      InterviewState interview = service.startInterview(ana, guild, "node", 2);
      String current = interview.current().orElseThrow().id();
      service.answerInterview(interview.sessionId(), anaInterview);
      Rubric one = TestBank.rubric(service.question(current));
      Rubric followUpRubric =
          new Rubric(
              one.questionId(),
              one.question(),
              one.topic(),
              List.of(one.keyPoints().get(1)),
              List.of(),
              List.of(),
              Map.of(),
              "",
              "",
              one.version() + "+kp2");
      service.answerFollowUp(
          interview.sessionId(),
          new FollowUp("kp2", "And what about q" + current + "b?", followUpRubric, "offline"),
          anaFollowUp);
      for (String answer : List.of(anaQuiz, anaInterview, anaFollowUp, boQuiz)) {
        assertEquals(1L, cacheRowsFor(db, answer), "the LLM grade of '" + answer + "' is cached");
      }
      assertTrue(
          stub.requests().size() >= 4, "graded through the LLM stub: " + stub.requests().size());

      service.forget(ana);

      for (String answer : List.of(anaQuiz, anaInterview, anaFollowUp)) {
        assertEquals(0L, cacheRowsFor(db, answer), "forgotten: " + answer);
      }
      assertEquals(1L, cacheRowsFor(db, boQuiz), "someone else's cached grade stays");
      assertEquals(
          0L,
          (long)
              db.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT COUNT(*) FROM llm_grade_cache WHERE grade_json"
                              + " LIKE '%Ana%'")),
          "no cached grade quotes Ana any more");
      assertEquals(0L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM follow_up_answers")));
      assertEquals("ok", db.integrityCheck());
    }
  }

  @Test
  void forget_me_also_empties_the_graders_memory_and_tells_the_front_ends(@TempDir Path dir)
      throws Exception {
    String anaQuiz = "Ana's own words about q1 and her private example.";
    String boQuiz = "Bo writes something else entirely about q1.";
    try (LlmStub stub =
            LlmStub.start(LlmStub.Shape.OPENAI).respond(ForgetMeGradeCacheTest::everythingMissed);
        Database db = Database.open(dir.resolve("tutor.db"))) {
      PracticeService service = llmGradedService(stub, db);
      List<String> forgotten = new ArrayList<>();
      service.onForget(p -> forgotten.add(p.key()));
      Person ana = service.person("discord:1", "Ana", ZoneId.of("UTC"));
      Person bo = service.person("discord:2", "Bo", ZoneId.of("UTC"));
      Scope guild = service.scope(ScopeKind.GUILD, "42", "Study group");
      service.answer(ana, guild, service.question("1"), anaQuiz, AttemptKind.PRACTICE, 0);
      service.answer(bo, guild, service.question("1"), boQuiz, AttemptKind.PRACTICE, 0);
      int calls = stub.requests().size();

      // WHEN Ana is forgotten
      service.forget(ana);

      // THEN the front-ends were told, and her answer is nowhere in the grader's memory: the same
      // words from
      // someone else are graded by the LLM again, while Bo's answer is still a cache hit
      assertEquals(List.of("discord:1"), forgotten);
      Person cy = service.person("discord:3", "Cy", ZoneId.of("UTC"));
      service.answer(cy, guild, service.question("1"), boQuiz, AttemptKind.PRACTICE, 0);
      assertEquals(
          calls, stub.requests().size(), "Bo's grade is still cached (memory or database)");
      service.answer(cy, guild, service.question("1"), anaQuiz, AttemptKind.PRACTICE, 0);
      assertEquals(
          calls + 1,
          stub.requests().size(),
          "Ana's grade was dropped from memory too, not only from the" + " database");
    }
  }

  @Test
  void the_in_memory_grade_cache_forgets_by_answer_hash() {
    GradeCache memory = GradeCache.inMemory(10);
    var grade =
        new KeywordTestGrader().grade(TestBank.rubric(TestBank.bank(1, 0).questions().get(0)), "x");
    memory.put("1\u0000v1\u0000" + GradeCache.answerHash("mine"), grade);
    memory.put("2\u0000v1\u0000" + GradeCache.answerHash("mine"), grade);
    memory.put("1\u0000v1\u0000" + GradeCache.answerHash("theirs"), grade);

    memory.forget(java.util.Set.of(GradeCache.answerHash("mine")));

    assertTrue(memory.get("1\u0000v1\u0000" + GradeCache.answerHash("mine")).isEmpty());
    assertTrue(memory.get("2\u0000v1\u0000" + GradeCache.answerHash("mine")).isEmpty());
    assertTrue(memory.get("1\u0000v1\u0000" + GradeCache.answerHash("theirs")).isPresent());
  }

  @Test
  void new_cache_rows_carry_the_answer_hash(@TempDir Path dir) {
    try (Database db = Database.open(dir.resolve("tutor.db"))) {
      new SqliteGradeCache(db, java.time.Clock.systemUTC())
          .put(
              "1\u0000v1\u0000" + GradeCache.answerHash("x"),
              new KeywordTestGrader()
                  .grade(TestBank.rubric(TestBank.bank(1, 0).questions().get(0)), "x"));
      assertEquals(1L, cacheRowsFor(db, "x"), "new rows carry the answer hash");
    }
  }
}
