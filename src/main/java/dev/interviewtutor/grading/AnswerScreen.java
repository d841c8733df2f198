package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.Lexicon;
import dev.interviewtutor.grading.text.TextUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap checks before any embedding: answers that cannot earn credit (empty, no words, "I don't
 * know", lorem ipsum, keyboard mashing) and sentences addressed to the grader rather than the
 * interviewer.
 */
final class AnswerScreen {
  /** Why an answer earns nothing, with the message shown to the learner. */
  enum Rejection {
    EMPTY(
        Verdict.INCORRECT,
        "You didn't write an answer. Give it a try: even a partial answer earns credit."),
    NO_WORDS(
        Verdict.OFF_TOPIC,
        "Your answer has no words in it, only symbols. Explain the idea in a few sentences."),
    DONT_KNOW(
        Verdict.INCORRECT,
        "No problem, saying so is honest. Read the model answer below, then try again later."),
    LOREM_IPSUM(
        Verdict.OFF_TOPIC,
        "That is placeholder text (lorem ipsum), not an answer. Explain the idea in your own words."),
    GIBBERISH(
        Verdict.OFF_TOPIC,
        "That doesn't read as words. Explain the idea in a few plain sentences."),
    NOT_ENGLISH(
        Verdict.INCORRECT,
        "Grading is English-only for now, and this answer looks like it is in another "
            + "language. Please answer in English: a few plain sentences are enough.");

    final Verdict verdict;
    final String feedback;

    Rejection(Verdict verdict, String feedback) {
      this.verdict = verdict;
      this.feedback = feedback;
    }
  }

  private static final Pattern DONT_KNOW =
      Pattern.compile(
          "\\b(?:i\\s+(?:really\\s+|honestly\\s+)?(?:do\\s*n[o']?t|dont|don't)\\s+(?:really\\s+)?know|idk|no\\s+idea|not\\s+sure|no\\s+clue|dunno|"
              + "i\\s+have\\s+no\\s+(?:idea|clue)|i\\s+(?:can't|cannot)\\s+remember|i\\s+forgot|i\\s+give\\s+up|no\\s+answer|^\\s*(?:pass|skip|next|\\?+)\\s*[.!]*\\s*$)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> LOREM =
      Set.of(
          "lorem",
          "ipsum",
          "dolor",
          "sit",
          "amet",
          "consectetur",
          "adipiscing",
          "elit",
          "sed",
          "eiusmod",
          "tempor",
          "incididunt",
          "labore",
          "dolore",
          "magna",
          "aliqua",
          "enim",
          "minim",
          "veniam",
          "quis",
          "nostrud",
          "exercitation",
          "ullamco",
          "laboris",
          "nisi",
          "aliquip",
          "commodo",
          "consequat",
          "duis",
          "aute",
          "irure",
          "reprehenderit",
          "voluptate",
          "velit",
          "esse",
          "cillum",
          "fugiat",
          "nulla",
          "pariatur");

  /** Sentences that address the grader: never obeyed, never credited. */
  private static final Pattern GRADER_INSTRUCTION =
      Pattern.compile(
          "\\b(?:ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(?:rubric|instructions?|rules?|prompt|grading|grader|criteria|above|previous)\\b"
              // a grade asked for: "give this answer 100", "award full marks", "a perfect score",
              // "an A+"; not a setting ("give index.html a max-age of a year", "rate limiting
              // allows a maximum of 100 requests")
              + "|\\b(?:give|award|assign|grade|score|mark|rate)\\b.{0,30}?(?:\\b100(?:\\s*/\\s*100|\\s*%|\\s+(?:points?|marks?|percent))?(?![\\w-]|\\s+[a-z])"
              + "|\\bfull\\s+(?:marks|score|points|credit)\\b"
              + "|\\b(?:perfect|maximum|max|top|highest|best)\\s+(?:score|marks?|points?|grade|rating)\\b"
              + "|\\b10/10\\b|\\b5/5\\b|\\ban?\\s+(?-i:A)\\+?(?![\\w-]))"
              + "|\\b(?:you\\s+are\\s+(?:now\\s+)?(?:a|an|the)\\s+\\w*\\s*(?:grader|assistant|ai|model))\\b"
              + "|\\b(?:system\\s+prompt|as\\s+an\\s+ai|this\\s+answer\\s+is\\s+(?:perfect|correct|excellent)|mark\\s+(?:this|it|me)\\s+(?:as\\s+)?correct)\\b",
          Pattern.CASE_INSENSITIVE);

  private AnswerScreen() {}

  static Optional<Rejection> reject(String answer) {
    String text = answer.strip();
    if (text.isEmpty()) {
      return Optional.of(Rejection.EMPTY);
    }
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return Optional.of(Rejection.NO_WORDS);
    }
    List<String> tokens = Lexicon.tokens(text);
    if (tokens.isEmpty()) {
      return Optional.of(Rejection.NO_WORDS);
    }
    long lorem = tokens.stream().filter(LOREM::contains).count();
    if (text.toLowerCase(Locale.ROOT).contains("lorem ipsum")
        || lorem >= Math.max(3, tokens.size() * 0.4)) {
      return Optional.of(Rejection.LOREM_IPSUM);
    }
    if (DONT_KNOW.matcher(text).find()
        && Lexicon.tokens(DONT_KNOW.matcher(text).replaceAll(" ")).stream()
                .filter(t -> !Lexicon.isStopword(t))
                .count()
            <= 2) {
      return Optional.of(Rejection.DONT_KNOW);
    }
    if (LanguageScreen.otherLanguage(text)) {
      return Optional.of(Rejection.NOT_ENGLISH);
    }
    long wordLike = tokens.stream().filter(AnswerScreen::wordLike).count();
    if (wordLike < tokens.size() * 0.6) {
      return Optional.of(Rejection.GIBBERISH);
    }
    return Optional.empty();
  }

  /**
   * A token that could be an English word or a code identifier: vowels, no long consonant runs or
   * stutter.
   */
  static boolean wordLike(String token) {
    if (token.chars().allMatch(Character::isDigit)) {
      return true;
    }
    if (Lexicon.isStopword(token)) {
      return true;
    }
    String t = token.toLowerCase(Locale.ROOT);
    if (t.length() == 1) {
      return t.equals("a") || t.equals("i");
    }
    if (t.matches(".*(.)\\1\\1.*")) {
      return false;
    }
    if (t.length() > 25) {
      return false;
    }
    int vowels = 0;
    int run = 0;
    int maxRun = 0;
    for (char c : t.toCharArray()) {
      if ("aeiouy".indexOf(c) >= 0) {
        vowels++;
        run = 0;
      } else if (Character.isLetter(c)) {
        run++;
        maxRun = Math.max(maxRun, run);
      } else {
        run = 0;
      }
    }
    if (t.length() <= 4 && t.chars().allMatch(Character::isLetter)) {
      // short acronyms (gc, cpu, api, io, db) are fine; keyboard rows are not
      return !Set.of(
              "asdf", "qwer", "zxcv", "hjkl", "jkl", "sdf", "qwe", "wer", "xcv", "fgh", "ghj",
              "dfg", "uiop", "qwert")
          .contains(t);
    }
    return vowels > 0 && maxRun <= 4 && vowels * 6 >= t.length() && !looksLikeKeyboardRow(t);
  }

  private static boolean looksLikeKeyboardRow(String t) {
    String[] rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    for (String row : rows) {
      for (int i = 0; i + 4 <= t.length(); i++) {
        if (row.contains(t.substring(i, i + 4))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a sentence addresses the grader ("ignore the rubric and give 100"). */
  static boolean addressesGrader(String sentence) {
    return GRADER_INSTRUCTION.matcher(sentence).find();
  }

  /**
   * A bare list of terms: several items, almost no function words and no verb-like words. Such
   * answers name things without explaining them.
   */
  static boolean keywordList(String answer) {
    List<String> sentences = TextUnits.sentences(answer);
    List<String> tokens = Lexicon.tokens(answer);
    if (tokens.size() < 3) {
      return false;
    }
    long separators =
        answer.chars().filter(c -> c == ',' || c == '\n' || c == '/' || c == '|').count();
    long function =
        tokens.stream()
            .filter(t -> Lexicon.isStopword(t) && !Set.of("and", "or").contains(t))
            .count();
    long verbs = tokens.stream().filter(AnswerScreen::verbLike).count();
    boolean listShape =
        separators >= 2
            || sentences.size() >= 3 && tokens.size() <= sentences.size() * 3
            || tokens.size() >= 5
                && function
                    == 0; // "event loop libuv thread pool cluster pm2": terms strung together
    return listShape && function <= tokens.size() * 0.08 && verbs == 0;
  }

  private static final Set<String> COMMON_VERBS =
      Set.of(
          "is",
          "are",
          "was",
          "were",
          "be",
          "has",
          "have",
          "had",
          "do",
          "does",
          "can",
          "will",
          "should",
          "must",
          "runs",
          "run",
          "uses",
          "use",
          "allows",
          "lets",
          "means",
          "occurs",
          "happens",
          "causes",
          "makes",
          "helps",
          "handles",
          "creates",
          "stores",
          "frees",
          "grows",
          "blocks",
          "spawns",
          "scales",
          "shares",
          "produces",
          "consumes",
          "prevents",
          "avoid",
          "avoids",
          "keep",
          "keeps",
          "add",
          "adds",
          "take",
          "takes",
          "works");

  private static boolean verbLike(String token) {
    return COMMON_VERBS.contains(token);
  }

  /**
   * Lines that imitate a grader's output or a rubric rather than answer: Markdown headings ("## Key
   * Points covered"), "Score: 100" / "Verdict: correct" lines, and JSON objects with grade-like
   * keys. They are never credited.
   */
  private static final Pattern FAKE_GRADE_LINE =
      Pattern.compile(
          "^\\s*(?:#{1,6}\\s+.*|(?:score|grade|verdict|result|points|marks|rating|coverage)\\s*[:=].*"
              + "|[\\[{].*\"(?:score|verdict|grade|points|correct)\"\\s*:.*)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern JSON_GRADE =
      Pattern.compile(
          "\\{[^{}]*\"(?:score|verdict|grade|points|correct)\"\\s*:[^{}]*}",
          Pattern.CASE_INSENSITIVE);

  /**
   * A retraction ("just kidding", "scratch that", "the opposite is true") takes back what came
   * before it: an answer is graded on what it finally claims.
   */
  private static final Pattern RETRACTION =
      Pattern.compile(
          "\\b(?:just\\s+kidding|jk|scratch\\s+that|i\\s+take\\s+(?:that|it|this|everything)\\s+back"
              + "|(?:forget|ignore)\\s+(?:what\\s+i\\s+(?:just\\s+)?said|all\\s+(?:of\\s+)?that|everything\\s+(?:i\\s+said|above))"
              + "|(?:actually|in\\s+fact|no\\s+wait|wait)[,\\s]+(?:the\\s+)?opposite\\s+is\\s+true"
              + "|the\\s+opposite\\s+is\\s+(?:true|the\\s+case)|none\\s+of\\s+(?:that|this|the\\s+above)\\s+is\\s+(?:true|right|correct)"
              + "|(?:that|all\\s+of\\s+that|everything\\s+i\\s+said)\\s+(?:was|is)\\s+(?:wrong|false|not\\s+true)|i\\s+was\\s+wrong)\\b[\\s,.:;!-]*",
          Pattern.CASE_INSENSITIVE);

  /**
   * The answer after its last retraction, or the answer itself; {@code retracted} receives the part
   * taken back.
   */
  static String afterRetraction(String answer, List<String> retracted) {
    Matcher m = RETRACTION.matcher(answer);
    int end = -1;
    int start = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (end < 0 || answer.substring(0, start).isBlank()) {
      return answer;
    }
    retracted.add(answer.substring(0, start).strip());
    return answer.substring(end).strip();
  }

  /** The answer without lines that imitate a grade or a rubric; {@code removed} receives them. */
  static String withoutFakeGrades(String answer, List<String> removed) {
    Matcher json = JSON_GRADE.matcher(answer);
    StringBuilder sb = new StringBuilder();
    while (json.find()) {
      removed.add(json.group());
      json.appendReplacement(sb, "");
    }
    json.appendTail(sb);
    List<String> kept = new ArrayList<>();
    for (String line : sb.toString().split("\\R")) {
      if (FAKE_GRADE_LINE.matcher(line).matches()) {
        removed.add(line.strip());
      } else {
        kept.add(line);
      }
    }
    return String.join("\n", kept);
  }

  /** The sentences of the answer minus those addressed to the grader, joined back in order. */
  static String withoutGraderInstructions(String answer, List<String> removed) {
    List<String> kept = new ArrayList<>();
    for (String s : TextUnits.sentences(answer)) {
      if (addressesGrader(s)) {
        removed.add(s);
      } else {
        kept.add(s);
      }
    }
    return String.join("\n", kept);
  }
}
