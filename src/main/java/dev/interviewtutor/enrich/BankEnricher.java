package dev.interviewtutor.enrich;

import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.llm.LlmClient;
import dev.interviewtutor.grading.llm.LlmUnavailableException;
import dev.interviewtutor.knowledge.BankException;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.BankProblem;
import dev.interviewtutor.knowledge.MarkdownBankParser;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Section;
import dev.langchain4j.data.message.UserMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the LLM, question by question, for key points, synonyms and common mistakes, and returns the
 * bank's text with each proposal added at the end of its question, for a person to review. A
 * section the question already has is not proposed again; a question the LLM could not answer for
 * is left as it is and counted.
 */
public final class BankEnricher {
  private static final Logger LOG = LoggerFactory.getLogger(BankEnricher.class);

  private final LlmClient llm;
  private final EnrichPrompt prompt;

  /**
   * @param promptsDir where {@code enrich.txt} may override the built-in prompt ({@code
   *     TUTOR_PROMPTS})
   */
  public BankEnricher(LlmClient llm, Path promptsDir) {
    this.llm = llm;
    this.prompt = EnrichPrompt.load(promptsDir);
  }

  /**
   * What enriching did.
   *
   * @param text the bank with the proposals added
   * @param enriched questions that got at least one proposed section
   * @param unchanged questions that already had every section, or got nothing usable
   * @param failed questions the LLM gave no answer for (unreachable, budget, refusal)
   */
  public record Result(String text, int enriched, int unchanged, int failed) {}

  /**
   * Enriches one bank file's text.
   *
   * @throws BankException with every problem when the bank does not load (fix it first)
   */
  public Result enrich(Path file, String text, Consumer<String> progress) {
    List<BankProblem> problems = new ArrayList<>();
    MarkdownBankParser.ParseResult parsed = BankLoader.parse(null, file, text, problems);
    if (!problems.isEmpty()) {
      throw new BankException(problems);
    }
    List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
    List<Question> questions = parsed.questions();
    List<Insert> inserts = new ArrayList<>();
    int enriched = 0;
    int unchanged = 0;
    int failed = 0;
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      boolean needKeyPoints = !has(q, "key points", "key point");
      boolean needSynonyms = !has(q, "synonyms", "accepted synonyms");
      boolean needMistakes = !has(q, "common mistakes", "misconceptions", "wrong beliefs");
      if (!needKeyPoints && !needSynonyms && !needMistakes) {
        unchanged++;
        continue;
      }
      progress.accept("question " + q.id() + ": " + q.title());
      Proposal proposal;
      try {
        String reply =
            llm.chat(
                List.of(UserMessage.from(prompt.render(q.title(), q.topic(), reference(q)))),
                null,
                GradingContext.LOCAL);
        proposal = Proposal.parse(reply);
      } catch (LlmUnavailableException e) {
        LOG.warn("no proposal for question {}: {}", q.id(), e.reason());
        failed++;
        continue;
      }
      String block = block(proposal, needKeyPoints, needSynonyms, needMistakes);
      if (block.isEmpty()) {
        unchanged++;
        continue;
      }
      int end =
          i + 1 < questions.size() ? questions.get(i + 1).location().line() - 1 : lines.size();
      inserts.add(new Insert(end, block));
      enriched++;
    }
    for (int k = inserts.size() - 1; k >= 0; k--) {
      Insert insert = inserts.get(k);
      int at = insert.afterLine();
      while (at > 0 && lines.get(at - 1).isBlank()) {
        at--;
      }
      // After the question's last text line; the blank lines before the next heading stay after the
      // proposal.
      List<String> added = new ArrayList<>(List.of(""));
      added.addAll(List.of(insert.block().split("\n", -1)));
      lines.addAll(at, added);
    }
    String out = String.join("\n", lines);
    return new Result(out.endsWith("\n") ? out : out + "\n", enriched, unchanged, failed);
  }

  private record Insert(int afterLine, String block) {}

  /** The question's own text the proposals must come from: its reference answer and tip. */
  private static String reference(Question q) {
    String answer = QuestionRubrics.referenceAnswer(q);
    return q.tip().isBlank() ? answer : answer + "\n\nInterview tip: " + q.tip();
  }

  private static boolean has(Question q, String... headings) {
    for (Section s : q.sections()) {
      String h = s.heading().replaceAll("[#*:]", "").strip().toLowerCase(Locale.ROOT);
      for (String wanted : headings) {
        if (h.equals(wanted)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String block(Proposal p, boolean keyPoints, boolean synonyms, boolean mistakes) {
    List<String> parts = new ArrayList<>();
    if (keyPoints && !p.keyPoints().isEmpty()) {
      parts.add(section("Key Points", p.keyPoints()));
    }
    if (synonyms && !p.synonyms().isEmpty()) {
      parts.add(section("Synonyms", p.synonyms()));
    }
    if (mistakes && !p.mistakes().isEmpty()) {
      parts.add(section("Common Mistakes", p.mistakes()));
    }
    return String.join("\n\n", parts);
  }

  private static String section(String heading, List<String> bullets) {
    StringBuilder out = new StringBuilder("### ").append(heading).append("\n");
    for (String b : bullets) {
      out.append("\n- ").append(b);
    }
    return out.toString();
  }
}
