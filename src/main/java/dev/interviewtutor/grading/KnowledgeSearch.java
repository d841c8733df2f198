package dev.interviewtutor.grading;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers "explain X" from the banks without an LLM: every question is indexed as passages (its
 * title, each explanation sentence, each bullet, its tip), embedded with the grader's sentence
 * encoder; a query scores each question by its best passage, with a small bonus for the title so a
 * question asked in other words wins over one that merely mentions the term. The index is built on
 * first use (one batch through the encoder).
 */
public final class KnowledgeSearch {
  /** Below this cosine the best hit is reported as a weak match. */
  public static final double CONFIDENT = 0.45;

  private static final double TITLE_WEIGHT = 0.15;

  private final QuestionBank bank;
  private final Supplier<SentenceEncoder> encoders;
  private volatile SentenceEncoder encoder;
  private volatile Index index;

  public KnowledgeSearch(QuestionBank bank, SentenceEncoder encoder) {
    this(bank, () -> encoder);
  }

  /** With an encoder loaded on the first search (so a bot starts without waiting for the model). */
  public KnowledgeSearch(QuestionBank bank, Supplier<SentenceEncoder> encoders) {
    this.bank = bank;
    this.encoders = encoders;
  }

  /** Searching with the offline grader's default embedding model, loaded on first use. */
  public static KnowledgeSearch withDefaultModel(QuestionBank bank) {
    return new KnowledgeSearch(
        bank, () -> OnnxSentenceEncoder.shared(EmbeddingModelChoice.DEFAULT));
  }

  /**
   * One result.
   *
   * @param question the matching question
   * @param score relevance (cosine of the best passage plus the title bonus)
   * @param passage the passage that matched best
   */
  public record Hit(Question question, double score, String passage) {
    public boolean confident() {
      return score >= CONFIDENT;
    }
  }

  /**
   * The best {@code limit} questions for a query, best first; empty for a blank query or an empty
   * bank.
   */
  public List<Hit> search(String query, int limit) {
    if (query == null || query.isBlank() || bank.questions().isEmpty()) {
      return List.of();
    }
    Index idx = index();
    float[] q = encoder.embed(List.of(query.strip()))[0];
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < bank.questions().size(); i++) {
      double best = -1;
      String passage = "";
      for (int p : idx.passagesOf.get(i)) {
        double cos = SentenceEncoder.cosine(q, idx.vectors[p]);
        if (cos > best) {
          best = cos;
          passage = idx.texts.get(p);
        }
      }
      double title = SentenceEncoder.cosine(q, idx.vectors[idx.titleOf.get(i)]);
      hits.add(new Hit(bank.questions().get(i), best + TITLE_WEIGHT * Math.max(0, title), passage));
    }
    hits.sort(
        Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.question().id()));
    return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      synchronized (this) {
        if (index == null) {
          encoder = encoders.get();
          index = build();
        }
        i = index;
      }
    }
    return i;
  }

  private Index build() {
    List<String> texts = new ArrayList<>();
    List<List<Integer>> passagesOf = new ArrayList<>();
    List<Integer> titleOf = new ArrayList<>();
    for (Question q : bank.questions()) {
      List<Integer> mine = new ArrayList<>();
      titleOf.add(texts.size());
      mine.add(add(texts, q.title()));
      for (String sentence : q.explanation().split("(?<=[.!?])\\s+|\\n\\n+")) {
        if (!sentence.isBlank()) {
          mine.add(add(texts, sentence.strip()));
        }
      }
      for (Section s : q.sections()) {
        if (QuestionRubrics.isSampleAnswers(s)) {
          continue; // graded sample answers (wrong ones too) are not knowledge to find
        }
        for (String bullet : s.bullets()) {
          mine.add(add(texts, plain(bullet)));
        }
      }
      if (!q.tip().isBlank()) {
        mine.add(add(texts, plain(q.tip())));
      }
      passagesOf.add(mine);
    }
    return new Index(texts, encoder.embed(texts), passagesOf, titleOf);
  }

  private static int add(List<String> texts, String text) {
    texts.add(text);
    return texts.size() - 1;
  }

  private static String plain(String markdown) {
    String text = markdown.replaceAll("[*_`#>]", "").replace("❌", "").strip();
    return text.isEmpty() ? "." : text;
  }

  private record Index(
      List<String> texts,
      float[][] vectors,
      List<List<Integer>> passagesOf,
      List<Integer> titleOf) {}
}
