package dev.interviewtutor.grading.llm;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.MisconceptionHit;
import dev.interviewtutor.grading.llm.PromptTemplates.Kind;
import dev.interviewtutor.knowledge.Rubric;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explains what an answer missed. With an LLM, a short tutor-style explanation from {@code
 * explanation.txt}; without one, or when it fails, the missed key points, the misconceptions'
 * reasons and the model answer.
 */
public final class Explainer {
  private static final Logger log = LoggerFactory.getLogger(Explainer.class);
  static final int MAX_CHARS = 1500;

  private final Optional<LlmClient> llm;
  private final PromptTemplates prompts;

  public Explainer(Optional<LlmClient> llm, PromptTemplates prompts) {
    if (llm.isPresent() && prompts == null) {
      throw new IllegalArgumentException("an LLM explainer needs the prompt templates");
    }
    this.llm = llm;
    this.prompts = prompts;
  }

  public static Explainer offline() {
    return new Explainer(Optional.empty(), null);
  }

  /** A few sentences for the learner; never empty. */
  public String explain(Rubric rubric, String answer, Grade grade, GradingContext context) {
    String missed =
        grade.keyPoints().stream()
            .filter(k -> k.coverage() != Coverage.COVERED)
            .map(k -> "- " + k.keyPoint())
            .collect(Collectors.joining("\n"));
    List<MisconceptionHit> wrong = grade.misconceptions();
    if (llm.isPresent()) {
      try {
        String fence = Fence.around(answer);
        String prompt =
            prompts.render(
                Kind.EXPLANATION,
                Map.of(
                    "question",
                    rubric.question(),
                    "missedKeyPoints",
                    missed.isEmpty() ? "(none)" : missed,
                    "misconceptions",
                    wrong.isEmpty()
                        ? "(none)"
                        : wrong.stream()
                            .map(
                                m ->
                                    "- "
                                        + m.misconception()
                                        + (m.reason().isBlank() ? "" : " (" + m.reason() + ")"))
                            .collect(Collectors.joining("\n")),
                    "referenceAnswer",
                    rubric.referenceAnswer(),
                    "fence",
                    fence,
                    "answer",
                    answer));
        String text = llm.get().chat(List.of(UserMessage.from(prompt)), null, context).strip();
        if (!text.isEmpty()) {
          return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
        }
      } catch (LlmUnavailableException e) {
        log.info("LLM explanation failed ({}); explaining offline", e.reason());
      }
    }
    StringBuilder out = new StringBuilder();
    if (!missed.isEmpty()) {
      out.append("What a full answer also says:\n").append(missed).append('\n');
    }
    for (MisconceptionHit m : wrong) {
      out.append("Not quite: \"").append(m.misconception()).append('"');
      if (!m.reason().isBlank()) {
        out.append(": ").append(m.reason());
      }
      out.append('\n');
    }
    if (!rubric.referenceAnswer().isBlank()) {
      out.append("Model answer: ").append(rubric.referenceAnswer());
    }
    String text = out.toString().strip();
    return text.isEmpty() ? "Your answer covered every key point." : text;
  }
}
