package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rubrics derived from the seed bank (no annotations) and from annotated questions. */
class QuestionRubricsTest {
  private static Map<String, Rubric> seed;

  @BeforeAll
  static void deriveSeedRubrics() throws IOException {
    String text = Files.readString(SeedBankParserTest.SEED, StandardCharsets.UTF_8);
    List<Question> questions =
        new MarkdownBankParser().parse(SeedBankParserTest.SEED, text).questions();
    seed = QuestionRubrics.forBank(new QuestionBank(questions));
  }

  @Test
  void should_give_every_front_end_the_same_rubric_as_the_bank_wide_builder() throws IOException {
    String text = Files.readString(SeedBankParserTest.SEED, StandardCharsets.UTF_8);
    QuestionBank bank =
        new QuestionBank(new MarkdownBankParser().parse(SeedBankParserTest.SEED, text).questions());
    var builder = QuestionRubrics.builderFor(bank);
    for (Question question : bank.questions()) {
      assertEquals(seed.get(question.id()), builder.apply(question), "question " + question.id());
    }
  }

  @Test
  void should_make_a_key_point_of_each_explanation_sentence_bullet_table_row_and_tip() {
    Rubric scaling = seed.get("71");
    assertEquals(
        List.of(
            "Node.js scales using process-level and infrastructure-level techniques, not threads per request",
            "Scaling Methods: Clustering (multiple processes)",
            "Scaling Methods: Load balancing",
            "Scaling Methods: Horizontal scaling",
            "Scaling Methods: Stateless APIs",
            "Node.js scales horizontally, not vertically"),
        texts(scaling.keyPoints()));
    assertEquals(
        List.of("kp1", "kp2", "kp3", "kp4", "kp5", "kp6"),
        scaling.keyPoints().stream().map(KeyPoint::id).toList());
    assertEquals("explanation", scaling.keyPoints().get(0).origin());
    assertEquals("section:Scaling Methods", scaling.keyPoints().get(1).origin());
    assertEquals("tip", scaling.keyPoints().get(5).origin());
    assertTrue(
        scaling.keyPoints().get(0).weight() > scaling.keyPoints().get(1).weight(),
        "an explanation statement weighs more than one bullet");
  }

  @Test
  void should_keep_every_seed_bullet_findable_in_a_key_point() {
    String text = readSeed();
    List<Question> questions =
        new MarkdownBankParser().parse(SeedBankParserTest.SEED, text).questions();
    for (Question question : questions) {
      List<String> keyPoints = texts(seed.get(question.id()).keyPoints());
      for (Section section : question.sections()) {
        if (Section.normalise(section.heading()).equals("bad use case")) {
          continue;
        }
        for (String bullet : section.bullets()) {
          String plain = bullet.replace("`", "");
          assertTrue(
              keyPoints.stream().anyMatch(k -> k.contains(plain)),
              "question " + question.id() + " bullet " + bullet + " in " + keyPoints);
        }
      }
    }
  }

  @Test
  void should_compare_the_table_columns_row_by_row() {
    List<KeyPoint> table =
        seed.get("78").keyPoints().stream().filter(k -> k.origin().equals("table")).toList();
    assertEquals(
        List.of(
            "Stack: function calls; Heap: objects",
            "Stack: fast; Heap: larger",
            "Stack: auto-managed; Heap: GC-managed"),
        texts(table));
  }

  @Test
  void should_spell_out_not_equal_in_key_points_and_derive_the_wrong_belief() {
    assertTrue(texts(seed.get("78").keyPoints()).contains("Stack overflow is not a memory leak"));
    assertEquals(
        List.of("Stack overflow is a memory leak"), texts2(seed.get("78").misconceptions()));
    assertEquals(
        List.of("High traffic is always CPU heavy"), texts2(seed.get("80").misconceptions()));
    assertTrue(texts(seed.get("80").keyPoints()).contains("High traffic is not always CPU heavy"));
  }

  @Test
  void should_turn_negated_statements_into_the_belief_they_deny() {
    assertEquals(
        List.of("Node.js scales with a thread per request", "Node.js scales vertically"),
        texts2(seed.get("71").misconceptions()));
    assertEquals("negation", seed.get("71").misconceptions().get(0).origin());
    assertEquals("tip", seed.get("71").misconceptions().get(1).origin());
    assertEquals(
        List.of("Manual GC is allowed in Node.js"), texts2(seed.get("77").misconceptions()));
    assertEquals(
        "Manual GC is not allowed in Node.js.", seed.get("77").misconceptions().get(0).reason());
  }

  @Test
  void should_not_mistake_descriptive_bullets_for_negated_claims() {
    assertEquals(
        List.of(),
        seed.get("75").misconceptions(),
        "'Event listeners not removed' is a cause, not a claim");
    assertEquals(List.of(), seed.get("72").misconceptions());
  }

  @Test
  void should_frame_only_a_use_case_as_using_the_titles_thing() {
    assertFalse(QuestionRubrics.describesAPractice("I/O operations"));
    assertFalse(QuestionRubrics.describesAPractice("Database queries, HTTP calls or file reads"));
    assertFalse(QuestionRubrics.describesAPractice("Loading every crate by hand"));
    assertTrue(
        QuestionRubrics.describesAPractice(
            "Deploying a mutable tag to production, so there is nothing to roll back to"));
    assertTrue(
        QuestionRubrics.describesAPractice("A health check that calls every downstream service"));
    assertTrue(
        QuestionRubrics.describesAPractice(
            "A cron container that sleeps a day in a loop instead of running as a scheduled job"));
  }

  @Test
  void should_make_bad_use_case_lines_misconceptions_with_their_reason() {
    Rubric whenToUse = seed.get("73");
    assertEquals(1, whenToUse.misconceptions().size());
    Misconception io = whenToUse.misconceptions().get(0);
    assertEquals("m1", io.id());
    assertEquals("Use worker threads for I/O operations", io.text());
    assertEquals("Node already handles this well", io.reason());
    assertEquals("bad-use", io.origin());
    assertFalse(
        texts(whenToUse.keyPoints()).stream().anyMatch(k -> k.contains("I/O operations")),
        "a bad use case is not something to cover");
  }

  @Test
  void should_take_evidence_terms_from_code_examples_and_inline_code() {
    assertEquals(List.of("pm2", "pm2 -i max", "-i max"), seed.get("71").evidenceTerms());
    assertTrue(seed.get("72").evidenceTerms().containsAll(List.of("new Worker", "worker_threads")));
    assertEquals(List.of("pipe"), seed.get("74").evidenceTerms());
    assertEquals(List.of("process.memoryUsage()", "--inspect"), seed.get("76").evidenceTerms());
    assertTrue(seed.get("79").evidenceTerms().containsAll(List.of("await", "redis.get")));
    assertTrue(
        seed.get("80")
            .evidenceTerms()
            .containsAll(List.of("Load Balancer", "Node Cluster", "Redis")));
  }

  @Test
  void should_assemble_a_readable_reference_answer_and_carry_the_tip() {
    Rubric heap = seed.get("78");
    assertTrue(
        heap.referenceAnswer().contains("Stack: function calls; Heap: objects"),
        heap.referenceAnswer());
    assertTrue(
        heap.referenceAnswer().contains("Tip: Stack overflow is not a memory leak."),
        heap.referenceAnswer());
    assertEquals("Stack overflow ≠ memory leak.", heap.tip());
    Rubric scaling = seed.get("71");
    assertTrue(
        scaling.referenceAnswer().startsWith("Node.js scales using process-level"),
        scaling.referenceAnswer());
    assertTrue(
        scaling.referenceAnswer().contains("Clustering (multiple processes)"),
        scaling.referenceAnswer());
    assertEquals("How Does Node.js Scale?", scaling.question());
    assertEquals("interview-questions-71-80", scaling.topic());
  }

  @Test
  void should_version_rubrics_by_content() {
    Question question = seedQuestion("74");
    String version = QuestionRubrics.of(question).version();
    assertEquals(version, QuestionRubrics.of(question).version(), "same question, same version");
    assertEquals(16, version.length());
    Question changed =
        new Question(
            question.id(),
            question.title(),
            question.topic(),
            question.explanation(),
            question.sections(),
            question.examples(),
            question.tables(),
            "Backpressure is handled by pipe().",
            question.location());
    assertNotEquals(version, QuestionRubrics.of(changed).version());
    assertEquals(10, seed.values().stream().map(Rubric::version).distinct().count());
  }

  @Test
  void should_use_annotation_sections_for_key_points_synonyms_and_common_mistakes() {
    String bank =
        """
        # 5. What Is The Event Loop?

        ### Explanation

        The event loop runs callbacks when the call stack is empty.

        ### Key Points

        - One thread runs JavaScript (weight 3)
        - Blocking the loop delays every request

        ### Synonyms

        - event loop: loop, libuv loop
        - callbacks: handlers; listeners

        ### Common Mistakes

        - The event loop runs callbacks in parallel — only one callback runs at a time
        - ❌ setTimeout(fn, 0) runs fn immediately (it waits for the next timers phase)

        # 6. What Is libuv?

        ### Explanation

        libuv gives Node.js its event loop and thread pool.

        ### Synonyms

        - thread pool: worker pool
        """;
    List<Question> questions = new MarkdownBankParser().parse(Path.of("loop.md"), bank).questions();
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(new QuestionBank(questions));
    Rubric loop = rubrics.get("5");

    KeyPoint oneThread =
        loop.keyPoints().stream()
            .filter(k -> k.origin().equals("key-points"))
            .findFirst()
            .orElseThrow();
    assertEquals("One thread runs JavaScript", oneThread.text());
    assertEquals(3.0, oneThread.weight());
    KeyPoint blocking =
        loop.keyPoints().stream()
            .filter(k -> k.text().equals("Blocking the loop delays every request"))
            .findFirst()
            .orElseThrow();
    assertEquals(QuestionRubrics.ANNOTATED_WEIGHT, blocking.weight());
    assertFalse(
        texts(loop.keyPoints()).stream().anyMatch(k -> k.contains("libuv loop")),
        "synonyms are not points");

    assertEquals(List.of("loop", "libuv loop"), loop.synonyms().get("event loop"));
    assertEquals(List.of("handlers", "listeners"), loop.synonyms().get("callbacks"));
    assertEquals(
        List.of("worker pool"), loop.synonyms().get("thread pool"), "synonyms are bank-wide");
    assertEquals(
        List.of("loop", "libuv loop"),
        loop.questionSynonyms().get("event loop"),
        "the question's own synonyms are kept apart");
    assertFalse(
        loop.questionSynonyms().containsKey("thread pool"),
        "another question's synonyms are not the question's own: " + loop.questionSynonyms());
    assertTrue(
        loop.keyPoints().get(0).synonyms().containsAll(List.of("loop", "libuv loop", "handlers")),
        "a key point carries the synonyms of the terms it mentions: " + loop.keyPoints().get(0));

    assertEquals(
        List.of(
            "The event loop runs callbacks in parallel", "setTimeout(fn, 0) runs fn immediately"),
        texts2(loop.misconceptions()));
    assertEquals("only one callback runs at a time", loop.misconceptions().get(0).reason());
    assertEquals("it waits for the next timers phase", loop.misconceptions().get(1).reason());
    assertEquals("common-mistakes", loop.misconceptions().get(0).origin());
    assertFalse(loop.referenceAnswer().contains("libuv loop"), loop.referenceAnswer());
    assertTrue(
        loop.referenceAnswer().contains("One thread runs JavaScript."), loop.referenceAnswer());
  }

  @Test
  void should_find_the_wrong_belief_behind_common_negations() {
    assertEquals("X is allowed", RubricText.wrongBelief("X is not allowed.").orElseThrow());
    assertEquals(
        "Streams can buffer everything",
        RubricText.wrongBelief("Streams cannot buffer everything").orElseThrow());
    assertEquals(
        "It is fine to block the event loop",
        RubricText.wrongBelief("Never block the event loop.").orElseThrow());
    assertEquals(
        "Blocking code is fine", RubricText.wrongBelief("Avoid blocking code").orElseThrow());
    assertEquals(
        "A cluster does share memory",
        RubricText.wrongBelief("A cluster doesn't share memory, but workers can.").orElseThrow());
    assertEquals(
        "A commit is quick",
        RubricText.wrongBelief("A commit is all or nothing, not quick.").orElseThrow());
    assertTrue(RubricText.wrongBelief("Event listeners not removed").isEmpty());
    // the alternative takes its counterpart's place from the words both open with
    assertEquals(
        "Shards limit how many writers can run at once",
        RubricText.wrongBelief(
                "Shards limit how many readers of one table can scan in parallel, not how many"
                    + " writers can run at once.")
            .orElseThrow());
    assertTrue(
        RubricText.wrongBelief("Worker threads share memory using SharedArrayBuffer.").isEmpty());
    // no belief is better than a garbled one ("Only the thread that the others")
    assertTrue(
        RubricText.wrongBelief("Only the thread that called fork(), not the others").isEmpty());
    // where something holds, set against where it does not
    assertEquals(
        "A lock guards writes across the whole cluster",
        RubricText.wrongBelief(
                "Pick the lock by what must not interleave, because a lock guards writes per node"
                    + " and never across the whole cluster.")
            .orElseThrow());
    assertEquals(
        "The variable is visible outside the block",
        RubricText.wrongBelief("The variable is visible inside the block, not outside the block.")
            .orElseThrow());
  }

  @Test
  void should_make_key_points_from_the_clauses_of_a_bare_reference_answer() {
    Rubric rubric =
        QuestionRubrics.fromReference(
            "mohler-1.1",
            "What is the role of a prototype program?",
            "To simulate the behaviour of portions of the desired software product; it is not the final product.");
    assertEquals(
        List.of(
            "To simulate the behaviour of portions of the desired software product",
            "it is not the final product"),
        texts(rubric.keyPoints()));
    assertEquals("reference", rubric.keyPoints().get(0).origin());
    assertEquals(List.of("It is the final product"), texts2(rubric.misconceptions()));
    assertEquals("What is the role of a prototype program?", rubric.question());
  }

  @Test
  void should_end_a_synonym_term_at_the_colon_before_a_space() {
    String bank =
        """
        # 6. How Do You Run Tests Without a Framework?

        ### Explanation

        node:test ships with Node and node --test runs it.

        ### Synonyms

        - node:test: node --test, built-in test runner
        """;
    List<Question> questions = new MarkdownBankParser().parse(Path.of("t.md"), bank).questions();
    Map<String, List<String>> synonyms = QuestionRubrics.synonymsOf(questions);

    assertEquals(List.of("node --test", "built-in test runner"), synonyms.get("node:test"));
    assertFalse(synonyms.containsKey("node"), synonyms.toString());
  }

  private static Question seedQuestion(String id) {
    return new MarkdownBankParser()
        .parse(SeedBankParserTest.SEED, readSeed()).questions().stream()
            .filter(q -> q.id().equals(id))
            .findFirst()
            .orElseThrow();
  }

  private static String readSeed() {
    try {
      return Files.readString(SeedBankParserTest.SEED, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> texts(List<KeyPoint> keyPoints) {
    return keyPoints.stream().map(KeyPoint::text).collect(Collectors.toList());
  }

  private static List<String> texts2(List<Misconception> misconceptions) {
    return misconceptions.stream().map(Misconception::text).collect(Collectors.toList());
  }
}
