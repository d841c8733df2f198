package dev.interviewtutor.knowledge;

import java.util.List;
import java.util.Map;

/**
 * What a grader checks an answer against. Derived from a {@link Question} (or from a bare question
 * and reference answer); graders never read the Markdown.
 *
 * @param questionId the question's id
 * @param question the question text as asked
 * @param topic the question's topic, may be empty
 * @param keyPoints weighted key points, at least one
 * @param misconceptions wrong beliefs to detect, may be empty
 * @param evidenceTerms terms from code examples whose presence is evidence of knowledge ("pipe",
 *     "new Worker")
 * @param synonyms bank-wide accepted synonyms: term -&gt; alternatives (lower case)
 * @param questionSynonyms the question's own {@code Synonyms} (lower case): the alternatives the
 *     grader reads as the terms they name; all of {@code synonyms} for a rubric not built from a
 *     bank question
 * @param referenceAnswer a model answer assembled from the question (shown after answering)
 * @param tip the interview tip, may be empty
 * @param version a hash of everything above; changes whenever the rubric changes (cache keys use
 *     it)
 * @param samples answers someone already graded ({@code Sample Answers} in a bank), may be empty
 */
public record Rubric(
    String questionId,
    String question,
    String topic,
    List<KeyPoint> keyPoints,
    List<Misconception> misconceptions,
    List<String> evidenceTerms,
    Map<String, List<String>> synonyms,
    Map<String, List<String>> questionSynonyms,
    String referenceAnswer,
    String tip,
    String version,
    List<SampleAnswer> samples) {

  /**
   * Sample answers a rubric keeps, in the order given: each is embedded when the question is first
   * graded (about 3 ms each), and an uploaded bank of one question with thousands of them must not
   * stall that grade. Above every count measured: SciEntsBank train has at most 107 per question.
   */
  public static final int MAX_SAMPLES = 500;

  public Rubric {
    samples = List.copyOf(samples.size() > MAX_SAMPLES ? samples.subList(0, MAX_SAMPLES) : samples);
    keyPoints = List.copyOf(keyPoints);
    misconceptions = List.copyOf(misconceptions);
    evidenceTerms = List.copyOf(evidenceTerms);
    synonyms = Map.copyOf(synonyms);
    questionSynonyms = Map.copyOf(questionSynonyms);
    if (keyPoints.isEmpty()) {
      throw new IllegalArgumentException(
          "rubric for question " + questionId + " has no key points");
    }
  }

  /** A rubric without sample answers. */
  public Rubric(
      String questionId,
      String question,
      String topic,
      List<KeyPoint> keyPoints,
      List<Misconception> misconceptions,
      List<String> evidenceTerms,
      Map<String, List<String>> synonyms,
      Map<String, List<String>> questionSynonyms,
      String referenceAnswer,
      String tip,
      String version) {
    this(
        questionId,
        question,
        topic,
        keyPoints,
        misconceptions,
        evidenceTerms,
        synonyms,
        questionSynonyms,
        referenceAnswer,
        tip,
        version,
        List.of());
  }

  /**
   * This rubric with {@code more} sample answers added after its own; the version changes with
   * them.
   */
  public Rubric withSamples(List<SampleAnswer> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<SampleAnswer> all = new java.util.ArrayList<>(samples);
    all.addAll(more);
    StringBuilder key = new StringBuilder(version);
    for (SampleAnswer s : more) {
      key.append('\n').append(s.quality()).append('|').append(s.text());
    }
    return new Rubric(
        questionId,
        question,
        topic,
        keyPoints,
        misconceptions,
        evidenceTerms,
        synonyms,
        questionSynonyms,
        referenceAnswer,
        tip,
        version + "+s" + sha256(key.toString()).substring(0, 16),
        all);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** A rubric whose synonyms are all its own (one not built from a bank question). */
  public Rubric(
      String questionId,
      String question,
      String topic,
      List<KeyPoint> keyPoints,
      List<Misconception> misconceptions,
      List<String> evidenceTerms,
      Map<String, List<String>> synonyms,
      String referenceAnswer,
      String tip,
      String version) {
    this(
        questionId,
        question,
        topic,
        keyPoints,
        misconceptions,
        evidenceTerms,
        synonyms,
        synonyms,
        referenceAnswer,
        tip,
        version);
  }
}
