package dev.interviewtutor.grading.llm;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.grading.llm.PromptTemplates.Kind;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Rubric;
import dev.langchain4j.data.message.UserMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a partially correct answer in a mock interview, asks one follow-up about the most important
 * missed key point. The LLM words the question when one is configured and answers; otherwise (or
 * when it fails) the question is built from the key point itself. The learner's reply is graded
 * against that key point only.
 */
public final class FollowUpAsker {
  private static final Logger log = LoggerFactory.getLogger(FollowUpAsker.class);
  static final int MAX_QUESTION_CHARS = 300;
  private static final Pattern WORD =
      Pattern.compile("[A-Za-z][A-Za-z0-9+#.\\-]*[A-Za-z0-9+#]|[A-Za-z]");
  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "are", "but", "not", "you", "your", "with", "that", "this", "from",
          "into", "its", "can", "has", "have", "each", "one", "per", "use", "uses", "used", "using",
          "when", "than", "then", "them", "they", "their", "which", "what", "while", "will", "only",
          "also", "more", "most", "such", "like", "via", "all", "any", "does", "how", "why", "runs",
          "run", "is", "a", "an", "of", "to", "in", "on", "it", "by", "or", "as", "be", "at");

  private final boolean enabled;
  private final Optional<LlmClient> llm;
  private final PromptTemplates prompts;

  /**
   * @param enabled {@code TUTOR_LLM_FOLLOW_UPS}
   * @param llm the LLM to word questions, empty for offline questions only
   * @param prompts the templates (needed only with an LLM; may be null without one)
   */
  public FollowUpAsker(boolean enabled, Optional<LlmClient> llm, PromptTemplates prompts) {
    if (llm.isPresent() && prompts == null) {
      throw new IllegalArgumentException("an LLM follow-up asker needs the prompt templates");
    }
    this.enabled = enabled;
    this.llm = llm;
    this.prompts = prompts;
  }

  /** Offline questions only. */
  public static FollowUpAsker offline(boolean enabled) {
    return new FollowUpAsker(enabled, Optional.empty(), null);
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * The follow-up to ask after {@code grade}, or empty when follow-ups are off or the answer was
   * not partially correct (nothing to build on, or nothing missed).
   */
  public Optional<FollowUp> ask(Rubric rubric, String answer, Grade grade, GradingContext context) {
    if (!enabled || grade.verdict() != Verdict.PARTIALLY_CORRECT) {
      return Optional.empty();
    }
    Set<String> missed =
        grade.keyPoints().stream()
            .filter(k -> k.coverage() == Coverage.MISSED)
            .map(KeyPointResult::keyPointId)
            .collect(Collectors.toSet());
    Optional<KeyPoint> target =
        rubric.keyPoints().stream()
            .filter(k -> missed.contains(k.id()))
            .max(
                Comparator.comparingDouble(KeyPoint::weight)
                    .thenComparing(k -> -rubric.keyPoints().indexOf(k)));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    KeyPoint kp = target.get();
    Rubric single = singlePoint(rubric, kp);
    if (llm.isPresent()) {
      try {
        String fence = Fence.around(answer);
        String prompt =
            prompts.render(
                Kind.FOLLOW_UP,
                Map.of(
                    "question",
                    rubric.question(),
                    "keyPoint",
                    kp.text(),
                    "fence",
                    fence,
                    "answer",
                    answer));
        String reply = llm.get().chat(List.of(UserMessage.from(prompt)), null, context);
        Optional<String> question = clean(reply, kp);
        if (question.isPresent()) {
          return Optional.of(
              new FollowUp(kp.id(), question.get(), withQuestion(single, question.get()), "llm"));
        }
        log.info("LLM follow-up for {} unusable; asking the offline one", kp.id());
      } catch (LlmUnavailableException e) {
        log.info("LLM follow-up for {} failed ({}); asking the offline one", kp.id(), e.reason());
      }
    }
    String question = offlineQuestion(rubric, kp, answer);
    return Optional.of(new FollowUp(kp.id(), question, withQuestion(single, question), "offline"));
  }

  /** A rubric with only {@code kp}: same question id, misconceptions and terms, its own version. */
  static Rubric singlePoint(Rubric rubric, KeyPoint kp) {
    return new Rubric(
        rubric.questionId(),
        rubric.question(),
        rubric.topic(),
        List.of(kp),
        rubric.misconceptions(),
        rubric.evidenceTerms(),
        rubric.synonyms(),
        rubric.questionSynonyms(),
        kp.text(),
        "",
        rubric.version() + "/follow-up:" + kp.id());
  }

  private static Rubric withQuestion(Rubric r, String question) {
    return new Rubric(
        r.questionId(),
        question,
        r.topic(),
        r.keyPoints(),
        r.misconceptions(),
        r.evidenceTerms(),
        r.synonyms(),
        r.questionSynonyms(),
        r.referenceAnswer(),
        r.tip(),
        r.version());
  }

  /** One line or two, a sensible length, and not simply the key point read out. */
  private static Optional<String> clean(String reply, KeyPoint kp) {
    String s = reply.strip().replaceAll("^[\"'`]+|[\"'`]+$", "").replaceAll("\\s+", " ").strip();
    if (s.isEmpty() || s.length() > MAX_QUESTION_CHARS) {
      return Optional.empty();
    }
    if (Quotes.normalise(s).contains(Quotes.normalise(kp.text()))) {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /**
   * Names the key point's subject through a few of its significant words that the answer did not
   * use, without reading the whole point out.
   */
  static String offlineQuestion(Rubric rubric, KeyPoint kp, String answer) {
    String said = answer.toLowerCase(Locale.ROOT);
    String question = rubric.question().toLowerCase(Locale.ROOT);
    List<String> terms =
        WORD.matcher(kp.text())
            .results()
            .map(m -> m.group())
            .filter(w -> w.length() > 2 && !STOP.contains(w.toLowerCase(Locale.ROOT)))
            .filter(w -> !question.contains(w.toLowerCase(Locale.ROOT)))
            .distinct()
            .sorted(
                Comparator.comparingInt(
                        (String w) -> said.contains(w.toLowerCase(Locale.ROOT)) ? 1 : 0)
                    .thenComparing(Comparator.comparingInt(String::length).reversed()))
            .limit(2)
            .sorted(Comparator.comparingInt(w -> kp.text().indexOf(w)))
            .toList();
    if (terms.isEmpty()) {
      return "Good start. There is one more point an interviewer would expect here: what else can you add to"
          + " your answer?";
    }
    return "Good start. One more thing an interviewer would ask: what can you tell me about "
        + (terms.size() == 2 && kp.text().contains(terms.get(0) + " " + terms.get(1))
            ? terms.get(0) + " " + terms.get(1)
            : String.join(" and ", terms))
        + " here?";
  }
}
