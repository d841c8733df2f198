package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Embedding search over a bank finds the question a learner means, asked in their own words. */
class KnowledgeSearchTest {
  static final SentenceEncoder ENCODER = OnnxSentenceEncoder.shared(EmbeddingModelChoice.DEFAULT);

  static QuestionBank discordBank() throws Exception {
    return BankLoader.load(
        Path.of(KnowledgeSearchTest.class.getResource("/discord-bank/nodejs.md").toURI())
            .getParent());
  }

  @Test
  void should_find_the_question_a_paraphrased_query_is_about() throws Exception {
    KnowledgeSearch search = new KnowledgeSearch(discordBank(), ENCODER);
    assertEquals("72", best(search, "how do I run CPU heavy javascript in parallel"));
    assertEquals("78", best(search, "where do objects live compared with function call frames"));
    assertEquals("75", best(search, "which phase runs setImmediate callbacks"));
    assertEquals("71", best(search, "spreading requests over several node processes and machines"));
  }

  @Test
  void should_rank_every_question_and_report_the_matching_passage() throws Exception {
    KnowledgeSearch search = new KnowledgeSearch(discordBank(), ENCODER);
    List<KnowledgeSearch.Hit> hits = search.search("garbage collected memory", 10);
    assertEquals(4, hits.size(), "all four questions ranked");
    assertEquals("78", hits.get(0).question().id());
    assertTrue(hits.get(0).passage().toLowerCase().contains("garbage"), hits.get(0).passage());
    for (int i = 1; i < hits.size(); i++) {
      assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "best first");
    }
    assertTrue(search.search("   ", 3).isEmpty(), "blank query, no hits");
  }

  @Test
  void should_search_the_users_seed_bank() {
    Path seeds = Path.of(System.getProperty("tutor.sharedDir", "../shared"), "seeds");
    Assumptions.assumeTrue(
        Files.isRegularFile(seeds.resolve("interview-questions-71-80.md")),
        "skipped: the shared seed bank is not at " + seeds + " (set -Dtutor.sharedDir)");
    QuestionBank bank = BankLoader.load(seeds);
    KnowledgeSearch search = new KnowledgeSearch(bank, ENCODER);
    KnowledgeSearch.Hit hit =
        search.search("difference between stack memory and heap memory", 1).get(0);
    assertTrue(hit.question().title().toLowerCase().contains("heap"), hit.question().title());
    assertTrue(hit.confident(), "score " + hit.score());
  }

  @Test
  void should_never_offer_a_sample_answer_as_knowledge() throws Exception {
    // question 9101 has sample answers, one of them a wrong "cache of recent query results"
    KnowledgeSearch search =
        new KnowledgeSearch(
            BankLoader.load(Path.of("src/test/resources/grading/samples")), ENCODER);
    for (KnowledgeSearch.Hit hit : search.search("a cache of recent query results in memory", 5)) {
      assertTrue(!hit.passage().contains("query results"), hit.passage());
    }
  }

  private static String best(KnowledgeSearch search, String query) {
    return search.search(query, 1).get(0).question().id();
  }
}
