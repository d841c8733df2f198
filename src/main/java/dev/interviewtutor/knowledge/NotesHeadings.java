package dev.interviewtutor.knowledge;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a heading the way people write interview notes: which headings are questions
 * (in every common numbering dialect), which are the answer, the tip, a list of wrong beliefs, or
 * matter that is not part of any answer (references, follow-up questions, a table of contents,
 * closing sections).
 */
final class NotesHeadings {
  private NotesHeadings() {}

  /**
   * A heading that names a question.
   *
   * @param number the question number as written ("12", "71a"), or null for {@code Q: ...} without
   *     one
   * @param title the question text without number and markup; empty when only a number was written
   */
  record QuestionHeading(String number, String title) {}

  private static final Pattern TRAILING_HASHES = Pattern.compile("\\s+#+\\s*$");
  // "1. Q" and "77.Q" (the seed's form); a version number such as "1.5 Title" is not a question
  // number
  private static final Pattern DOTTED = Pattern.compile("^(\\d+[A-Za-z]?)\\.(?!\\d)(?:\\s*(.*))?$");
  // "1) Q", and "8)Q" with the space left out
  private static final Pattern PAREN = Pattern.compile("^(\\d+[A-Za-z]?)\\)\\s*(\\S.*)$");
  private static final Pattern DASHED = Pattern.compile("^(\\d{1,4})\\s*[-–—:]\\s+(.+)$");
  private static final Pattern SPACED = Pattern.compile("^(\\d{1,3})\\s+(\\p{L}.*)$");
  private static final Pattern Q_NUMBERED =
      Pattern.compile(
          "^(?:Q|Question)\\s*#?\\s*(\\d{1,4}[A-Za-z]?)\\s*[-–—:.)]?\\s+(.+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern Q_NUMBERED_TIGHT =
      Pattern.compile(
          "^(?:Q|Question)\\s*#?\\s*(\\d{1,4}[A-Za-z]?)\\s*[-–—:.)]\\s*(.+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern Q_UNNUMBERED =
      Pattern.compile("^(?:Q|Question)\\s*[:.\\-–—]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern KEYCAPS =
      Pattern.compile("^((?:[0-9]\\x{FE0F}?\\x{20E3})+|\\x{1F51F})\\s*[.:\\-–—]?\\s*(.*)$");
  private static final Pattern WRAPPED = Pattern.compile("^(\\*\\*|__)(.+)\\1$");
  private static final Pattern LEADING_BOLD_NUMBER =
      Pattern.compile("^(\\*\\*|__)([^*_]+?)\\1\\s*(.*)$");
  private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}`\\[(<\"'*_]+");

  private static final Pattern EXPLANATION =
      Pattern.compile(
          "explanation|answer|answers|solution|definition|short answer|the answer|detailed answer|description|"
              + "overview|what it is|what is it|summary answer|explained|concept|meaning|ans");
  private static final Pattern TIP =
      Pattern.compile(
          "(interview |pro |quick )?tips?|interview (hint|insight|angle)|how to answer( it)?|what interviewers? "
              + "(want|look for|expect)( to hear)?");
  private static final Pattern MISCONCEPTIONS =
      Pattern.compile(
          "don'?ts|don'?t|do not|what not to do|avoid|things to avoid|mistakes to avoid|"
              + "anti-?patterns?|bad practices?|(common )?misconceptions|common mistakes|wrong beliefs|myths");
  private static final Pattern NOT_THE_ANSWER =
      Pattern.compile(
          "why (this|it) is asked|why (is this|interviewers) ask(ed)?( this)?|why it matters( in interviews)?|"
              + "(common |possible |likely )?follow[- ]?ups?( questions?)?|related questions?|further questions|"
              + "references?|resources?|further reading|read more|learn more|sources?|links?|useful links|"
              + "see also|external links|credits?|difficulty|level|tags?|asked (at|in|by)|companies|video|videos|"
              + "practice (this|problems?)|exercises?|homework");
  private static final Pattern DOCUMENT_SECTION =
      Pattern.compile(
          "(table of )?contents|toc|index|key takeaways|takeaways|practice questions|more questions|"
              + "conclusion|final (thoughts|words|notes)|wrap[- ]?up|contributing|contributors|license|licence|"
              + "acknowledg(e)?ments|about( me| the author)?|author|support|star (this|the) repo|thank you|thanks|"
              + "happy (coding|learning|interviewing)|good luck|stay connected|connect( with me)?|follow me|"
              + "(additional |other )?resources|references|further reading|useful links|next steps|what'?s next|"
              + "cheat ?sheet|quick revision|revision notes|summary table|topics( covered)?|covered topics|"
              + "what('?s| is| we) covered|what you('ll| will) learn");

  /**
   * Heading text without trailing {@code #}s, surrounding bold, and decorative leading symbols or
   * emoji.
   */
  static String clean(String text) {
    String s = TRAILING_HASHES.matcher(text.strip()).replaceFirst("").strip();
    Matcher wrapped = WRAPPED.matcher(s);
    if (wrapped.matches()) {
      s = wrapped.group(2).strip();
    }
    return s;
  }

  /**
   * The question this heading names, if it is written like a question heading in any supported
   * dialect.
   */
  static Optional<QuestionHeading> question(String headingText) {
    String s = clean(headingText);
    Matcher boldNumber = LEADING_BOLD_NUMBER.matcher(s);
    if (boldNumber.matches()
        && boldNumber.group(2).strip().matches("(?i)(Q\\s*)?\\d+[A-Za-z]?[.):\\-–—]?")) {
      // "**1.** Question" — the number alone in bold
      s = boldNumber.group(2).strip() + " " + boldNumber.group(3).strip();
    }
    s = s.strip();
    Matcher m = KEYCAPS.matcher(s);
    if (m.matches()) {
      String digits =
          m.group(1).equals("\uD83D\uDD1F") ? "10" : m.group(1).replaceAll("[^0-9]", "");
      return Optional.of(new QuestionHeading(digits, titleOf(m.group(2))));
    }
    m = DOTTED.matcher(s);
    if (m.matches()) {
      return Optional.of(
          new QuestionHeading(m.group(1), titleOf(m.group(2) == null ? "" : m.group(2))));
    }
    for (Pattern p : new Pattern[] {PAREN, Q_NUMBERED_TIGHT, Q_NUMBERED, DASHED, SPACED}) {
      m = p.matcher(s);
      if (m.matches()) {
        return Optional.of(new QuestionHeading(m.group(1), titleOf(m.group(2))));
      }
    }
    m = Q_UNNUMBERED.matcher(s);
    if (m.matches()) {
      return Optional.of(new QuestionHeading(null, titleOf(m.group(1))));
    }
    return Optional.empty();
  }

  private static String titleOf(String rest) {
    String t = rest.strip();
    Matcher wrapped = WRAPPED.matcher(t);
    if (wrapped.matches()) {
      t = wrapped.group(2).strip();
    }
    return t.replaceAll("^(\\*\\*|__)\\s*", "").replaceAll("\\s*(\\*\\*|__)$", "").strip();
  }

  /**
   * The heading's words for matching section names: lower case, no markup, emoji, numbering or
   * trailing colon.
   */
  static String name(String headingText) {
    String s =
        NotesMarkup.stripTags(clean(headingText))
            .replace("**", "")
            .replace("__", "")
            .replace("`", "");
    s = LEADING_SYMBOLS.matcher(s).replaceFirst("");
    s = s.replaceAll("[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}]", " ");
    s = s.replaceAll("^\\d+(\\.\\d+)*[.)]?\\s+", "");
    s = s.replaceAll("[:.!?]+$", "").replace('’', '\'');
    return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  static boolean isExplanation(String headingText) {
    return EXPLANATION.matcher(name(headingText)).matches();
  }

  static boolean isTip(String headingText) {
    return TIP.matcher(name(headingText)).matches();
  }

  static boolean isMisconceptions(String headingText) {
    return MISCONCEPTIONS.matcher(name(headingText)).matches();
  }

  /**
   * Sections inside a question that are about the question, not its answer (follow-ups, references,
   * level).
   */
  static boolean isNotTheAnswer(String headingText) {
    return NOT_THE_ANSWER.matcher(name(headingText)).matches();
  }

  private static final Pattern KNOWN_SECTION =
      Pattern.compile(
          "key points?|key concepts?|examples?|example .*|code( example| sample)?s?|syntax|use ?cases?|when to use.*|"
              + "advantages|disadvantages|pros( and cons| & cons)?|cons|benefits|drawbacks|limitations|comparison|"
              + "differences?|key differences?|summary|notes?|synonyms|how it works|best practices|do'?s( and | & )?"
              + "(don'?ts)?|steps|output|result|diagram|real[- ]world (example|use)s?|analogy|in short|tl;?dr|"
              + "characteristics|features|types|properties|important points|remember|memory trick|mnemonic");

  /**
   * A heading that names a part of an answer ("Example", "Pros and Cons"), never a question of its
   * own.
   */
  static boolean isKnownSection(String headingText) {
    return isExplanation(headingText)
        || isTip(headingText)
        || isMisconceptions(headingText)
        || isNotTheAnswer(headingText)
        || KNOWN_SECTION.matcher(name(headingText)).matches();
  }

  /**
   * Sections of the document rather than of a question: a table of contents, takeaways, practice
   * lists, footers.
   */
  static boolean isDocumentSection(String headingText) {
    String n = name(headingText);
    return DOCUMENT_SECTION.matcher(n).matches() || n.startsWith("table of contents");
  }

  /** A group heading's topic: "Node.js Interview Questions" → "Node.js". */
  static String topicOf(String headingText) {
    String s =
        NotesMarkup.stripTags(clean(headingText))
            .replace("**", "")
            .replace("__", "")
            .replace("`", "");
    s = LEADING_SYMBOLS.matcher(s).replaceFirst("");
    s = s.replaceAll("[\\p{So}\\x{FE0F}\\x{200D}]", "").strip();
    s = s.replaceAll("(?i)^(part|section|chapter)\\s+\\w+\\s*[:.\\-–—]\\s*", "");
    s =
        s.replaceAll(
            "(?i)\\s*[-–—:]?\\s*\\b(top\\s+\\d+\\s+)?((basic|advanced|intermediate|common|frequently asked|"
                + "important|top|\\d+)\\s+)*(interview\\s+)?(questions?|q&a|qna|notes|cheat ?sheet|(?<=interview\\s)"
                + "prep(aration)?)(\\s*(and|&)\\s*answers?)?"
                + "(\\s*\\(.*\\))?\\s*$",
            "");
    s = s.replaceAll("(?i)^(top\\s+\\d+\\s+|\\d+\\s+)", "");
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Whether a heading reads as a question by itself ("What Is a Closure?"). */
  static boolean readsAsQuestion(String headingText) {
    return clean(headingText).replace("**", "").strip().endsWith("?");
  }
}
