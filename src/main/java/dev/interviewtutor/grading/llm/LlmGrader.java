package dev.interviewtutor.grading.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.MisconceptionHit;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.grading.llm.LlmUnavailableException.Failure;
import dev.interviewtutor.grading.llm.PromptTemplates.Kind;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Misconception;
import dev.interviewtutor.knowledge.Rubric;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grades with an LLM: the rubric and the fenced answer go out, a JSON reply comes back and is
 * checked (every key point present, every quote really in the answer, score in range). Key points
 * whose quote is not in the answer get no credit, and the score never exceeds what the verified
 * evidence supports by more than a small slack. Same question, rubric version and answer: the same
 * grade, from a cache, with no call.
 *
 * <p>When the LLM cannot give a usable grade it throws {@link LlmUnavailableException}; the {@link
 * HybridGrader} turns that into a visible offline grade.
 */
public final class LlmGrader implements Grader {
  private static final Logger log = LoggerFactory.getLogger(LlmGrader.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_FEEDBACK_CHARS = 1200;

  private final LlmClient client;
  private final PromptTemplates prompts;
  private final GradeCache cache;

  public LlmGrader(LlmClient client, PromptTemplates prompts, int cacheSize) {
    this(client, prompts, GradeCache.inMemory(cacheSize));
  }

  public LlmGrader(LlmClient client, PromptTemplates prompts, GradeCache cache) {
    this.client = client;
    this.prompts = prompts;
    this.cache = cache;
  }

  @Override
  public void forgetAnswers(java.util.Set<String> answerHashes) {
    cache.forget(answerHashes);
  }

  @Override
  public String name() {
    return "llm";
  }

  /** What the grades name as their grader ("llm:openai/gpt-4o-mini"). */
  public String label() {
    return "llm:" + client.label();
  }

  @Override
  public Grade grade(Rubric rubric, String answer) {
    return grade(rubric, answer, GradingContext.LOCAL);
  }

  /**
   * @throws LlmUnavailableException when the LLM cannot give a valid grade (budget, timeout,
   *     errors, bad reply)
   */
  @Override
  public Grade grade(Rubric rubric, String answer, GradingContext context) {
    String text = AnswerPolicy.check(answer);
    if (text.isBlank()) {
      return blank(rubric);
    }
    String key = cacheKey(rubric, text);
    Optional<Grade> cached = cache.get(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    String fence = Fence.around(text);
    String system = prompts.render(Kind.GRADE_SYSTEM, Map.of("fence", fence));
    String user =
        prompts.render(
            Kind.GRADE_USER,
            Map.of(
                "question",
                rubric.question(),
                "keyPoints",
                keyPointLines(rubric),
                "misconceptions",
                misconceptionLines(rubric),
                "samples",
                sampleLines(rubric),
                "tip",
                rubric.tip().isBlank() ? "(none)" : rubric.tip(),
                "fence",
                fence,
                "answer",
                text));
    String reply =
        client.chat(
            List.of(SystemMessage.from(system), UserMessage.from(user)),
            GradeReplySchema.forRubric(rubric),
            context);
    Grade grade = parse(rubric, text, reply);
    cache.put(key, grade);
    return grade;
  }

  /** Question id, rubric version and the answer's SHA-256. */
  public static String cacheKey(Rubric rubric, String answer) {
    return rubric.questionId()
        + '\u0000'
        + rubric.version()
        + '\u0000'
        + GradeCache.answerHash(answer);
  }

  /** The bank's graded sample answers, one per line ("- incorrect: ..."), or "(none)". */
  static String sampleLines(Rubric rubric) {
    if (rubric.samples().isEmpty()) {
      return "(none)";
    }
    return rubric.samples().stream()
        .map(s -> "- " + s.label() + ": " + s.text().replace('\n', ' '))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private static String keyPointLines(Rubric rubric) {
    return rubric.keyPoints().stream()
        .map(
            k ->
                "- "
                    + k.id()
                    + ": "
                    + oneLine(k.text())
                    + (k.synonyms().isEmpty()
                        ? ""
                        : " (also accept: " + String.join(", ", k.synonyms()) + ")"))
        .collect(Collectors.joining("\n"));
  }

  private static String misconceptionLines(Rubric rubric) {
    if (rubric.misconceptions().isEmpty()) {
      return "(none)";
    }
    return rubric.misconceptions().stream()
        .map(m -> "- " + m.id() + ": " + oneLine(m.text()))
        .collect(Collectors.joining("\n"));
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private Grade blank(Rubric rubric) {
    List<KeyPointResult> missed =
        rubric.keyPoints().stream()
            .map(k -> new KeyPointResult(k.id(), k.text(), Coverage.MISSED, ""))
            .toList();
    return new Grade(
        rubric.questionId(),
        0,
        Verdict.INCORRECT,
        missed,
        List.of(),
        "You did not write an answer. Have a go: even a partial answer earns credit.",
        rubric.tip(),
        label(),
        List.of());
  }

  /** Parses and checks a reply; package-private for tests. */
  Grade parse(Rubric rubric, String answer, String reply) {
    JsonNode root = readJson(reply);
    JsonNode kps = field(root, "keyPoints", "key_points");
    if (kps == null || !kps.isArray()) {
      throw bad("the reply has no keyPoints list");
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode node : kps) {
      String id = node.path("id").asText("");
      if (!id.isEmpty()) {
        byId.putIfAbsent(id, node);
      }
    }
    List<String> missing =
        rubric.keyPoints().stream().map(KeyPoint::id).filter(id -> !byId.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      throw bad("the reply leaves out key point(s) " + String.join(", ", missing));
    }
    JsonNode scoreNode = root.get("score");
    if (scoreNode == null || !scoreNode.isNumber()) {
      throw bad("the reply has no numeric score");
    }
    double rawScore = scoreNode.asDouble();
    if (rawScore < 0 || rawScore > 100 || Double.isNaN(rawScore)) {
      throw bad("the reply's score " + scoreNode + " is outside 0-100");
    }

    List<String> notes = new ArrayList<>();
    List<KeyPointResult> results = new ArrayList<>();
    for (KeyPoint kp : rubric.keyPoints()) {
      JsonNode node = byId.get(kp.id());
      Coverage coverage = coverage(node.path("coverage").asText(""));
      if (coverage == null) {
        throw bad(
            "key point " + kp.id() + " has coverage '" + node.path("coverage").asText("") + "'");
      }
      String quote = node.path("quote").asText("").strip();
      if (coverage != Coverage.MISSED && !Quotes.isIn(quote, answer)) {
        notes.add(
            "no credit for key point " + kp.id() + ": the quoted evidence is not in your answer");
        log.debug("LLM quote for {} not found in answer; downgraded to missed", kp.id());
        coverage = Coverage.MISSED;
      }
      results.add(
          new KeyPointResult(
              kp.id(), kp.text(), coverage, coverage == Coverage.MISSED ? "" : quote));
    }

    List<MisconceptionHit> hits = new ArrayList<>();
    JsonNode ms = root.path("misconceptions");
    Map<String, Misconception> known =
        rubric.misconceptions().stream()
            .collect(Collectors.toMap(Misconception::id, m -> m, (a, b) -> a));
    Set<String> seen = new LinkedHashSet<>();
    if (ms.isArray()) {
      for (JsonNode node : ms) {
        Misconception m = known.get(node.path("id").asText(""));
        String quote = node.path("quote").asText("").strip();
        // An unverifiable accusation is dropped: the learner gets the benefit of the doubt.
        if (m != null && seen.add(m.id()) && Quotes.isIn(quote, answer)) {
          hits.add(new MisconceptionHit(m.id(), m.text(), m.reason(), quote));
        }
      }
    }

    int evidence = Verdicts.evidenceScore(rubric, results, hits.size());
    int ceiling = Verdicts.clamp(evidence + Verdicts.CEILING_SLACK);
    int score = Math.min((int) Math.round(rawScore), ceiling);
    if (score < (int) Math.round(rawScore) - 5) {
      notes.add(
          "score capped at "
              + score
              + " (the LLM said "
              + Math.round(rawScore)
              + "): that is what the quoted evidence supports");
    }
    String feedback = oneLine(root.path("feedback").asText(""));
    if (feedback.isEmpty()) {
      long covered = results.stream().filter(r -> r.coverage() != Coverage.MISSED).count();
      feedback = "You covered " + covered + " of " + results.size() + " key points.";
    } else if (feedback.length() > MAX_FEEDBACK_CHARS) {
      feedback = feedback.substring(0, MAX_FEEDBACK_CHARS) + "…";
    }
    return new Grade(
        rubric.questionId(),
        score,
        Verdicts.of(score, results, hits.size()),
        results,
        hits,
        feedback,
        rubric.tip(),
        label(),
        notes);
  }

  private static Coverage coverage(String raw) {
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "covered" -> Coverage.COVERED;
      case "partial", "partially covered" -> Coverage.PARTIAL;
      case "missed", "missing", "not covered" -> Coverage.MISSED;
      default -> null;
    };
  }

  private static JsonNode field(JsonNode root, String... names) {
    for (String name : names) {
      if (root.has(name)) {
        return root.get(name);
      }
    }
    return null;
  }

  /**
   * Reads the JSON object, tolerating a Markdown code fence or chatter around it (small local
   * models).
   */
  private static JsonNode readJson(String reply) {
    String s = reply.strip();
    int start = s.indexOf('{');
    int end = s.lastIndexOf('}');
    if (start < 0 || end <= start) {
      throw bad("the reply is not JSON");
    }
    try {
      JsonNode node = JSON.readTree(s.substring(start, end + 1));
      if (node == null || !node.isObject()) {
        throw bad("the reply is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new LlmUnavailableException(
          Failure.BAD_RESPONSE,
          "the LLM's reply was not valid JSON (" + e.getOriginalMessage() + ")",
          e);
    }
  }

  private static LlmUnavailableException bad(String what) {
    return new LlmUnavailableException(
        Failure.BAD_RESPONSE, "the LLM's reply was not a valid grade: " + what);
  }
}
