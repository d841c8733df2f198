package dev.interviewtutor.knowledge;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the inline markup found in real interview notes into the text a key point needs: HTML tags
 * and entities, images, LaTeX, decorative emoji, {@code **Answer**:} labels and backslash escapes.
 * Markdown emphasis, links and code spans are left as written: the rubric builder removes those
 * itself, and renderers show them.
 */
final class NotesMarkup {
  private NotesMarkup() {}

  private static final Pattern IMAGE =
      Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)|<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern IMAGE_LINE =
      Pattern.compile(
          "^\\s*(?:\\[?\\s*(?:!\\[[^\\]]*]\\([^)]*\\)|<img\\b[^>]*>)\\s*(?:]\\([^)]*\\))?\\s*)+$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BREAK_TAG = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE_TAG =
      Pattern.compile("<(code|kbd|tt)>(.*?)</\\1>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BOLD_TAG =
      Pattern.compile("<(b|strong)>(.*?)</\\1>", Pattern.CASE_INSENSITIVE);
  // HTML elements only: "kubectl logs <pod-name>" or "git add <file>" keep their placeholders
  private static final Pattern TAG =
      Pattern.compile(
          "</?(?i:a|abbr|b|big|blockquote|br|center|cite|code|dd|del|details|div|dl|dt|em|figcaption|figure|"
              + "font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|picture|pre|q|s|samp|small|source|span|strike|strong|"
              + "sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul|var|video)(\\s[^<>]*)?/?>");
  private static final Map<String, String> ENTITIES =
      Map.of(
          "&nbsp;", " ", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;", "'", "&apos;", "'",
          "&rarr;", "→", "&ne;", "≠", "&amp;", "&");
  private static final Pattern ANSWER_LABEL =
      Pattern.compile(
          "^(?:\\*\\*|__)?\\s*(?:answer|ans|a|solution|short answer)\\s*(?:\\*\\*|__)?\\s*[:\\-–—]\\s*(?:\\*\\*|__)?\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ANSWER_LABEL_NEEDS_COLON =
      Pattern.compile(
          "(?i)^(?:\\*\\*|__)?\\s*(?:answer|ans|a|"
              + "solution|short answer)\\s*(?:\\*\\*|__)?\\s*:.*");
  private static final Pattern TIP_LABEL =
      Pattern.compile(
          "^(?:\\[!TIP]\\s*)?(?:\\*\\*|__)?\\s*(?:(?:interview|pro|quick)\\s+)?tip\\s*(?:\\*\\*|__)?\\s*[:\\-–—]\\s*(?:\\*\\*|__)?\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_MATH =
      Pattern.compile("(?<![\\\\$\\w])\\$(?!\\s)([^$\\n]+?)(?<!\\s)\\$(?![\\w$])");
  private static final Pattern PAREN_MATH = Pattern.compile("\\\\\\((.+?)\\\\\\)");
  private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\([A-Za-z]+)\\s*");
  private static final Map<String, String> LATEX_SYMBOLS =
      Map.ofEntries(
          Map.entry("times", "×"),
          Map.entry("cdot", "·"),
          Map.entry("le", "≤"),
          Map.entry("leq", "≤"),
          Map.entry("ge", "≥"),
          Map.entry("geq", "≥"),
          Map.entry("neq", "≠"),
          Map.entry("ne", "≠"),
          Map.entry("in", "∈"),
          Map.entry("infty", "∞"),
          Map.entry("to", "→"),
          Map.entry("rightarrow", "→"),
          Map.entry("leftarrow", "←"),
          Map.entry("approx", "≈"),
          Map.entry("pm", "±"),
          Map.entry("sum", "sum"),
          Map.entry("ldots", "..."),
          Map.entry("hat", ""),
          Map.entry("bar", ""),
          Map.entry("tilde", ""),
          Map.entry("vec", ""),
          Map.entry("left", ""),
          Map.entry("right", ""),
          Map.entry("mathbb", ""),
          Map.entry("dots", "..."),
          Map.entry("cdots", "..."),
          Map.entry("quad", " "));
  private static final Pattern DASH_CONTRAST =
      Pattern.compile("(\\S)\\s+(?:--|—|–)\\s+(not\\s+\\S)");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([#*_`\\[\\]()>|!\\-+.{}])");
  // emoji and pictographs; the ❌ ✅ ✔ ✗ ⚠ 👉 💡 markers at the start of a line carry meaning and are
  // kept there
  private static final Pattern EMOJI =
      Pattern.compile(
          "[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}\\x{200D}\\x{20E3}\\x{E0020}-\\x{E007F}]");
  private static final Pattern LEADING_MARKER = Pattern.compile("^(❌|✅|✔️?|✗|⚠️?|👉|💡)\\s*");
  private static final Pattern BREADCRUMB_END =
      Pattern.compile("^(?:\\[[^\\]]*]\\([^)]*\\)\\s*[>»›/]\\s*)+([^\\[\\]()>»›]+)$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");
  private static final Pattern URL = Pattern.compile("<?https?://\\S+>?");
  private static final Pattern BACK_TO_TOP =
      Pattern.compile(
          "(?i).*(back to (the )?top|go to top|return to top|to top|back to (contents|index|toc|table of contents)|⬆|↑|🔝).*");
  private static final Pattern METADATA =
      Pattern.compile(
          "(?i)^[^\\p{L}*_]*(?:\\*\\*|__)?\\s*(level|difficulty|tags?|category|categories|asked (at|in|by)|company|companies|topics?|"
              + "frequency|importance|priority|estimated time|reading time|time to read|last updated|date)\\s*"
              + "(?:\\*\\*|__)?\\s*:.*");

  /**
   * The text with HTML tags removed ({@code <br>} becomes a space, {@code <code>x</code>} a code
   * span).
   */
  static String stripTags(String text) {
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      return text;
    }
    return outsideCode(text, NotesMarkup::stripTagsOutsideCode);
  }

  /**
   * {@code change} applied to the text outside code spans: a code span is what the notes show, tags
   * and all ("`<div>` is a block element", "the `<img>` tag").
   */
  private static String outsideCode(String text, java.util.function.UnaryOperator<String> change) {
    if (text.indexOf('`') < 0) {
      return change.apply(text);
    }
    StringBuilder out = new StringBuilder();
    Matcher span = CODE_SPAN.matcher(text);
    int from = 0;
    while (span.find()) {
      out.append(change.apply(text.substring(from, span.start()))).append(span.group());
      from = span.end();
    }
    return out.append(change.apply(text.substring(from))).toString();
  }

  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?!`).+?(?<!`)\\1(?!`)");

  private static String stripTagsOutsideCode(String text) {
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      return text;
    }
    String s = BREAK_TAG.matcher(text).replaceAll(" ");
    s = CODE_TAG.matcher(s).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(2) + "`"));
    s = BOLD_TAG.matcher(s).replaceAll(m -> Matcher.quoteReplacement("**" + m.group(2) + "**"));
    s = TAG.matcher(s).replaceAll("");
    for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
      s = s.replace(entity.getKey(), entity.getValue());
    }
    return s;
  }

  /**
   * Text of a bullet, paragraph or tip line as it should reach the rubric: no images, tags, LaTeX
   * or decorative emoji, no leading {@code Answer:} label, backslash escapes resolved, and {@code X
   * -- not Y} written as {@code X, not Y} so the contrast is read as one.
   */
  static String clean(String text) {
    String s = text;
    if (s.indexOf('$') >= 0 || s.contains("\\(")) {
      s = latex(s);
    }
    s = outsideCode(s, t -> IMAGE.matcher(t).replaceAll(""));
    s = stripTags(s);
    s = ESCAPE.matcher(s).replaceAll("$1");
    s = withoutEmoji(s);
    s = DASH_CONTRAST.matcher(s).replaceAll("$1, $2");
    return s.replaceAll("[ \\t]+", " ").strip();
  }

  /**
   * The text without decorative emoji; a leading ❌/✅-style marker is kept because it means
   * something.
   */
  static String withoutEmoji(String text) {
    Matcher marker = LEADING_MARKER.matcher(text);
    if (marker.find()) {
      String rest = EMOJI.matcher(text.substring(marker.end())).replaceAll("").strip();
      return marker.group(1) + " " + rest;
    }
    if (!EMOJI.matcher(text).find()) {
      return text;
    }
    return EMOJI.matcher(text).replaceAll("").replaceAll("^\\s*[-:]\\s+", "").strip();
  }

  /** {@code **Answer**: text} → {@code text}; text without such a label unchanged. */
  static String withoutAnswerLabel(String text) {
    if (!ANSWER_LABEL_NEEDS_COLON.matcher(text).matches()) {
      return text;
    }
    return ANSWER_LABEL.matcher(text).replaceFirst("");
  }

  static boolean hasAnswerLabel(String text) {
    return ANSWER_LABEL_NEEDS_COLON.matcher(text).matches();
  }

  /**
   * The rest of a line written as {@code **Tip:** text} or {@code Interview Tip: text}, or null.
   */
  static String afterTipLabel(String text) {
    String s = EMOJI.matcher(text).replaceAll("").strip();
    Matcher m = TIP_LABEL.matcher(s);
    return m.lookingAt() ? s.substring(m.end()).strip() : null;
  }

  /** A line that only shows images (a diagram, a badge). */
  static boolean isImageOnly(String text) {
    return IMAGE_LINE.matcher(text).matches();
  }

  /** Navigation: "Back to top" links and breadcrumbs made only of links and separators. */
  static boolean isNavigation(String text) {
    String s = text.strip().replace("**", "").replace("__", "");
    if (!LINK.matcher(s).find()) {
      return false;
    }
    Matcher links = LINK.matcher(s);
    boolean backToTop = false;
    while (links.find()) {
      if (BACK_TO_TOP.matcher(links.group(1)).matches()
          || links.group(2).startsWith("#")
              && BACK_TO_TOP.matcher(links.group(1) + " " + links.group(2)).matches()) {
        backToTop = true;
      }
    }
    String rest = LINK.matcher(s).replaceAll("").replaceAll("[\\s>|/»›→←·•⬅➡\\-–—:,.]+", "");
    rest = EMOJI.matcher(rest).replaceAll("");
    if (rest.isEmpty()) {
      return backToTop
          || s.matches(".*(>|»|›|\\||→|/).*")
          || LINK.matcher(s).results().count() == 1;
    }
    // a breadcrumb ending in the current page: "[Home](..) > [Backend](..) > HTTP"
    Matcher trail = BREADCRUMB_END.matcher(s);
    return trail.matches() && trail.group(1).strip().split("\\s+").length <= 4;
  }

  /**
   * A line whose substance is a link or URL (a reference): "[MDN: Streams](https://...) - the
   * docs".
   */
  static boolean startsWithLink(String text) {
    String s = text.strip().replace("**", "").replace("__", "");
    s = EMOJI.matcher(s).replaceAll("").strip();
    Matcher link = LINK.matcher(s);
    if (link.lookingAt()
        && (link.group(2).startsWith("http")
            || link.group(2).startsWith("www")
            || link.group(2).endsWith(".md")
            || link.group(2).startsWith("."))) {
      return true;
    }
    return URL.matcher(s).lookingAt();
  }

  /** A line that is only a link or URL, nothing to grade. */
  static boolean isLinkOnly(String text) {
    String s = EMOJI.matcher(text.strip().replace("**", "").replace("__", "")).replaceAll("");
    String rest =
        URL.matcher(LINK.matcher(s).replaceAll(""))
            .replaceAll("")
            .replaceAll("[\\s,.;:|\\-–—]+", "");
    return rest.isEmpty() && (LINK.matcher(s).find() || URL.matcher(s).find());
  }

  /**
   * "Level: Intermediate", "**Difficulty:** ⭐⭐", "Tags: node, streams": facts about the question,
   * not its answer.
   */
  static boolean isMetadata(String text) {
    return METADATA.matcher(text.strip()).matches();
  }

  /**
   * LaTeX written as {@code $...$}, {@code \(...\)} or a {@code $$...$$} line, as readable text.
   */
  static String latex(String text) {
    String s = text;
    if (s.strip().startsWith("$$") && s.strip().endsWith("$$") && s.strip().length() > 4) {
      return latexBody(s.strip().substring(2, s.strip().length() - 2)).strip();
    }
    s = PAREN_MATH.matcher(s).replaceAll(m -> Matcher.quoteReplacement(latexBody(m.group(1))));
    Matcher m = INLINE_MATH.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = m.group(1);
      boolean math = body.matches(".*[\\\\^_{}=<>+].*") || body.matches("[A-Za-z]|\\d+");
      m.appendReplacement(out, Matcher.quoteReplacement(math ? latexBody(body) : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The body of a formula as text: {@code O(n \log n)} → {@code O(n log n)}, {@code \frac{a}{b}} →
   * {@code a/b}.
   */
  static String latexBody(String body) {
    String s =
        body.replaceAll(
            "\\\\(?:text|mathrm|mathbf|mathit|operatorname|textbf|textit)\\{([^{}]*)}", "$1");
    s = s.replaceAll("\\\\[dt]?frac\\{([^{}]*)}\\{([^{}]*)}", "($1)/($2)");
    s = s.replaceAll("\\\\sqrt\\{([^{}]*)}", "sqrt($1)");
    s =
        s.replaceAll("\\\\[,;:! ]", " ")
            .replace("\\\\", " ")
            .replace("\\{", "{")
            .replace("\\}", "}");
    Matcher command = LATEX_COMMAND.matcher(s);
    StringBuilder words = new StringBuilder();
    while (command.find()) {
      String symbol = LATEX_SYMBOLS.get(command.group(1));
      String word = symbol != null ? symbol : command.group(1);
      boolean letterNext =
          command.end() < s.length() && Character.isLetterOrDigit(s.charAt(command.end()));
      command.appendReplacement(
          words,
          Matcher.quoteReplacement(
              word + (command.group().endsWith(" ") || letterNext && !word.isEmpty() ? " " : "")));
    }
    command.appendTail(words);
    s = words.toString();
    s = s.replaceAll("\\^\\{([^{}]*)}", "^$1").replaceAll("_\\{([^{}]*)}", "_$1");
    s = s.replace("{", "").replace("}", "");
    return s.replaceAll("\\s+", " ").replaceAll("\\s+([)\\],])", "$1").strip();
  }
}
