package dev.interviewtutor.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one Markdown bank file into {@link Question}s. It never stops at the first problem:
 * everything it cannot use is collected as a {@link BankProblem} with its line, and the questions
 * it could read are returned beside them.
 *
 * <p>Reading happens in two steps. First the headings of the file are laid out ({@link
 * HeadingLayout}): the level at which questions sit is the level where most numbered headings are
 * ({@code # 1. Q}, {@code ### **1. Q**}, {@code # 6 Q}, {@code ## 1️⃣ Q}, {@code ### Q4- Q}), or,
 * without numbers, where {@code Q: ...} headings, headings ending in {@code ?}, or headings
 * followed by an {@code ### Explanation}-style section are. Above that level a first {@code #
 * Title} is the bank's title and other headings are groups (topics); at that level a heading is a
 * question, a group (nothing under it but questions), or a document section (table of contents,
 * "Key Takeaways", footers) that is skipped; below it a heading is a section of the current
 * question. Near misses (an indented question heading, a numbered heading one level too deep, a
 * question heading swallowed by an unclosed code fence) are reported.
 *
 * <p>Then the lines are read in order. Inside a question: paragraphs under {@code ### Explanation}
 * (or {@code Answer}, {@code <details>}, or directly under the question heading) form the
 * explanation; paragraphs under {@code ### Interview Tip} (or a {@code **Tip:**} line or a quoted
 * tip) form the tip; every other heading and every line that is only a bold label ({@code **Used
 * for:**}) opens a {@link Section}. A bold label inside a heading gets that heading as its parent;
 * after its bullets end, a following paragraph belongs to the parent heading again. Fenced code
 * becomes a {@link CodeExample} named after the heading it sits under; {@code |}-rows become a
 * {@link MarkdownTable}. "Don'ts", "Pitfalls" and similar lists become a {@link
 * Section.Kind#MISCONCEPTIONS} section; references, follow-up questions, "Level: ..." lines, images
 * and navigation are skipped and listed in {@link ParseResult#skipped()}.
 *
 * <p>A bare {@code 79. Title} line (no {@code #}) is a question heading only when all of these
 * hold: it starts at column 0, it is outside a code fence, the line before it is blank (or it is
 * the first line of content), the previous non-blank line is neither a numbered list item nor a
 * {@code ###} heading or bold label, and the next non-blank line is a heading, a bold label, a
 * table row, or the end of the file.
 *
 * <p>Topic: a group heading above the question ("## Node.js Questions" → "Node.js"), else {@code
 * topic:} front matter, else the {@code # Title} ("Docker Interview Questions" → "Docker"), else
 * the file name without {@code .md}. Ids: see {@link QuestionIds}.
 */
public final class MarkdownBankParser {

  /**
   * The questions read from one file and every problem found in it.
   *
   * @param topic the file's topic (front matter, title or file name); questions under a group carry
   *     the group's
   * @param questions the questions in document order
   * @param problems every problem, sorted by line
   * @param title the {@code # Title} at the top, or empty
   * @param skipped what was deliberately left out of every question, in document order
   */
  public record ParseResult(
      String topic,
      List<Question> questions,
      List<BankProblem> problems,
      String title,
      List<SkippedText> skipped) {
    public ParseResult {
      questions = List.copyOf(questions);
      problems = List.copyOf(problems);
      skipped = List.copyOf(skipped);
    }

    public ParseResult(String topic, List<Question> questions, List<BankProblem> problems) {
      this(topic, questions, problems, "", List.of());
    }
  }

  static final Pattern HASH_HEADING = Pattern.compile("^(#{1,6})(.*)$");
  static final Pattern INDENTED_HEADING = Pattern.compile("^( {1,3}|\\t)(#{1,6})\\s+(.*)$");
  static final Pattern BARE_QUESTION = Pattern.compile("^(\\d+[A-Za-z]?)\\.\\s+(\\S.*)$");
  static final Pattern ORDERED_ITEM = Pattern.compile("^\\s*\\d+[.)]\\s+.*$");
  static final Pattern BOLD_LABEL = Pattern.compile("^\\s*\\*\\*([^*]+?)\\*\\*\\s*:?\\s*$");
  static final Pattern BULLET = Pattern.compile("^(\\s*)(?:[-*+•◦▪‣●○■]|\\d+[.)])\\s+(.*)$");
  // any indentation: a fence inside a list item is indented as far as the item's text
  static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*(.*)$");
  static final Pattern THEMATIC_BREAK = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
  private static final Pattern TOPIC_LINE =
      Pattern.compile("^topic\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern YAML_LINE =
      Pattern.compile("^([A-Za-z_][\\w-]*\\s*:.*|\\s+.*|-\\s.*|#.*)$");
  private static final Pattern SEPARATOR_CELL = Pattern.compile("^:?-{1,}:?$");
  private static final Pattern PARAGRAPH_MARKER = Pattern.compile("^(❌|✅|✔|✗|⚠|👉|💡).*");
  private static final Pattern INLINE_LABEL =
      Pattern.compile("^(?:\\*\\*|__)([^*_]+?)(?:\\*\\*|__)\\s*:?\\s*(.+)$");
  private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?(.*)$");
  private static final Pattern ADMONITION = Pattern.compile("^\\[!(\\w+)]\\s*(.*)$");
  private static final Pattern SUMMARY = Pattern.compile("(?i).*<summary>(.*?)</summary>.*");
  private static final Pattern GENERIC_SUMMARY =
      Pattern.compile(
          "(?i)(show|view|see|reveal|click( here)?( to)?( see| view| show| expand| reveal)?( the)?)?\\s*"
              + "(answer|answers|solution|explanation|details|more|expand)?[\\s.!:]*");
  private static final Pattern NEGATED_ACTION =
      Pattern.compile(
          "^(?:❌\\s*)?(?:don'?t|do not|never|avoid|stop)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
  // two trailing spaces, a trailing backslash or a trailing <br>: CommonMark's hard line break
  private static final Pattern HARD_BREAK =
      Pattern.compile("(?: {2,}|\\\\|<br\\s*/?>\\s*)$", Pattern.CASE_INSENSITIVE);
  private static final String STRAY = " comes before the first question";
  private static final String IN_QUESTION = "\u0000in-question";

  /**
   * Parses {@code text}, the content of {@code file}; ids are qualified with the file's name where
   * needed.
   */
  public ParseResult parse(Path file, String text) {
    return parse(file, text, QuestionIds.namespace(null, file));
  }

  /**
   * Parses {@code text}; {@code namespace} qualifies ids that are not plain numbers (see {@link
   * QuestionIds}).
   */
  public ParseResult parse(Path file, String text, String namespace) {
    return new Run(file, text, namespace).parse();
  }

  /**
   * The topic a file gets when it has no front matter or title: its name without the {@code .md}
   * extension.
   */
  public static String topicFromFileName(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".md")) {
      name = name.substring(0, name.length() - 3);
    }
    return name.strip();
  }

  private enum Context {
    NONE,
    EXPLANATION,
    TIP,
    OTHER
  }

  private static final class SectionBuilder {
    final String heading;
    final Section.Kind kind;
    final String parent;
    final String ignoredBecause; // non-null: not part of the answer, listed as skipped
    final int line;
    final List<String> bullets = new ArrayList<>();
    final List<String> paragraphs = new ArrayList<>();

    SectionBuilder(
        String heading, Section.Kind kind, String parent, String ignoredBecause, int line) {
      this.heading = heading;
      this.kind = kind;
      this.parent = parent;
      this.ignoredBecause = ignoredBecause;
      this.line = line;
    }

    Section build() {
      return new Section(heading, kind, parent, bullets, paragraphs);
    }
  }

  private static final class QuestionBuilder {
    final String number; // null for an unnumbered question
    final String title;
    final String topic;
    final String group;
    final int line;
    String id;
    final List<String> explanation = new ArrayList<>();
    final List<SectionBuilder> sections = new ArrayList<>();
    final List<CodeExample> examples = new ArrayList<>();
    final List<MarkdownTable> tables = new ArrayList<>();
    final List<String> tip = new ArrayList<>();

    QuestionBuilder(String number, String title, String topic, String group, int line) {
      this.number = number;
      this.title = title;
      this.topic = topic;
      this.group = group;
      this.line = line;
    }
  }

  /** One parse of one file; all mutable state lives here. */
  private static final class Run {
    private final Path file;
    private final String namespace;
    private final String[] lines;
    private final List<BankProblem> problems = new ArrayList<>();
    private final List<QuestionBuilder> finished = new ArrayList<>();
    private final List<SkippedText> skipped = new ArrayList<>();
    private final List<QuestionBuilder> skippedIn =
        new ArrayList<>(); // the question each skipped part sat in
    private HeadingLayout layout;
    private String topic;
    private String title = "";
    private String group = "";
    private String groupTopic = "";
    private int footerStart = Integer.MAX_VALUE;

    private QuestionBuilder question;
    private boolean
        skippingQuestion; // after a heading we could not use, until the next question heading
    private String skipBlock; // reason while skipping a document section, a TOC or an introduction
    private int skipBlockLevel;
    private boolean skipBlockRecorded;
    private Context context = Context.NONE;
    private String heading = "";
    private SectionBuilder headingSection;
    private SectionBuilder boldSection;
    private List<String>
        openParagraphTarget; // the list whose last entry a soft-wrapped line continues
    private List<String> lastBulletList;
    private int lastBulletContentColumn; // where the text of the last bullet starts
    private boolean blankSinceBullet;
    private boolean hardBreakBefore; // the line before ended with a Markdown line break
    private boolean strayRunReported;
    private boolean quoteTip;
    private int codeLines;
    private final List<Integer> strayLines = new ArrayList<>();
    private String strayWhat = "";

    Run(Path file, String text, String namespace) {
      this.file = file;
      this.namespace = namespace;
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      this.lines = body.split("\\r?\\n|\\r", -1);
    }

    ParseResult parse() {
      int start = readFrontMatter();
      String frontTopic = topic;
      int firstContent = nextNonBlank(start);
      if (firstContent < 0) {
        problems.add(
            problem(
                1,
                start == 0
                    ? "the file is empty — add at least one question such as `# 1. What Is X?` with an ### Explanation"
                    : "the file has front matter but no questions — add at least one question such as `# 1. What Is X?`"));
        return result(frontTopic);
      }
      layout = new HeadingLayout(file, lines, start, problems);
      title = layout.title;
      footerStart = layout.footerStart;
      if (frontTopic == null || frontTopic.isBlank()) {
        String fromTitle = title.isEmpty() ? "" : NotesHeadings.topicOf(title);
        topic = fromTitle.isEmpty() ? topicFromFileName(file) : fromTitle;
      }

      boolean inFence = false;
      String fenceMarker = "";
      String fenceLanguage = "";
      int fenceLine = 0;
      StringBuilder codeText = new StringBuilder();
      boolean inComment = false;
      List<String> math = null;
      List<String> table = new ArrayList<>();
      int tableLine = 0;

      for (int i = start; i < lines.length; i++) {
        String raw = lines[i];
        int lineNo = i + 1;
        String stripped = raw.strip();

        if (inFence) {
          Matcher close = FENCE.matcher(raw);
          if (close.matches()
              && close.group(2).isBlank()
              && close.group(1).charAt(0) == fenceMarker.charAt(0)
              && close.group(1).length() >= fenceMarker.length()) {
            inFence = false;
            if (question != null && !skippingQuestion && skipBlock == null) {
              question.examples.add(
                  new CodeExample(exampleHeading(), fenceLanguage, codeText.toString()));
            }
          } else {
            if (codeLines > 0) {
              codeText.append('\n');
            }
            codeText.append(raw);
            codeLines++;
          }
          continue;
        }
        if (inComment) {
          if (stripped.contains("-->")) {
            inComment = false;
          }
          continue;
        }
        if (i >= footerStart) {
          if (question != null) {
            finishQuestion();
          }
          if (!stripped.isEmpty() && !THEMATIC_BREAK.matcher(raw).matches()) {
            skip(lineNo, "", "footer after the last question", stripped);
            footerStart = Integer.MAX_VALUE - 1; // record the footer once, skip the rest silently
          }
          continue;
        }
        if (math != null) {
          if (stripped.equals("$$") || stripped.endsWith("$$")) {
            math.add(stripped.replace("$$", ""));
            String formula = NotesMarkup.latexBody(String.join(" ", math));
            if (question != null && !skippingQuestion && skipBlock == null && !formula.isBlank()) {
              addParagraphLine(formula);
              openParagraphTarget = null;
            }
            math = null;
          } else {
            math.add(stripped);
          }
          continue;
        }
        if (!table.isEmpty() && !stripped.startsWith("|")) {
          finishTable(table, tableLine);
          table.clear();
        }
        if (stripped.isEmpty()) {
          openParagraphTarget = null;
          blankSinceBullet = true;
          hardBreakBefore = false;
          strayRunReported = false;
          quoteTip = false;
          continue;
        }
        if (stripped.startsWith("<!--")) {
          inComment = !stripped.contains("-->");
          continue;
        }
        if (THEMATIC_BREAK.matcher(raw).matches() && !BULLET.matcher(raw).matches()) {
          openParagraphTarget = null;
          continue;
        }

        Matcher fence = FENCE.matcher(raw);
        if (fence.matches()) {
          inFence = true;
          fenceMarker = fence.group(1);
          fenceLanguage = fence.group(2).strip();
          fenceLine = lineNo;
          codeText.setLength(0);
          codeLines = 0;
          openParagraphTarget = null;
          if (question == null && skipBlock == null && !skippingQuestion) {
            reportStray(lineNo, "a code block");
          }
          continue;
        }

        HeadingLayout.Heading h = layout.headings.get(i);
        if (h != null) {
          onHeading(h, lineNo, stripped);
          continue;
        }

        if (stripped.equals("$$")
            || stripped.startsWith("$$") && !stripped.substring(2).contains("$$")) {
          math = new ArrayList<>();
          math.add(stripped.substring(2));
          continue;
        }

        if (question == null || skippingQuestion || skipBlock != null) {
          outsideQuestion(raw, stripped, lineNo);
          continue;
        }

        // quotes: the text inside is read like any other line; a quoted tip goes to the tip
        Matcher quote = QUOTE.matcher(raw);
        boolean quoted = false;
        while (quote.matches()) {
          quoted = true;
          raw = quote.group(1);
          quote = QUOTE.matcher(raw);
        }
        if (quoted) {
          stripped = raw.strip();
          Matcher admonition = ADMONITION.matcher(stripped);
          if (admonition.matches()) {
            quoteTip =
                admonition.group(1).equalsIgnoreCase("tip")
                    || admonition.group(1).equalsIgnoreCase("important");
            stripped = admonition.group(2).strip();
            raw = stripped;
          }
          if (stripped.isEmpty()) {
            continue;
          }
        }

        // <details>/<summary> wrappers: a generic summary ("Answer") opens the explanation, another
        // names a section
        Matcher summary = SUMMARY.matcher(stripped);
        if (summary.matches()) {
          String label = NotesMarkup.stripTags(summary.group(1)).replace("**", "").strip();
          if (GENERIC_SUMMARY.matcher(label).matches() || NotesHeadings.isExplanation(label)) {
            resetBlocks();
            heading = "";
            context = Context.EXPLANATION;
          } else {
            startHeading(label, lineNo, stripped);
          }
          continue;
        }
        if (stripped.startsWith("<") || stripped.contains("</")) {
          String withoutTags = NotesMarkup.stripTags(stripped).strip();
          if (withoutTags.isEmpty() && !NotesMarkup.isImageOnly(stripped)) {
            continue; // <details>, </details>, <p>, <br>: layout only
          }
        }
        if (NotesMarkup.isImageOnly(stripped)) {
          skip(lineNo, idHint(), "image", stripped);
          continue;
        }
        if (!BULLET.matcher(raw).matches() && NotesMarkup.isNavigation(stripped)) {
          skip(lineNo, idHint(), "navigation link", stripped);
          continue;
        }
        if (NotesMarkup.isMetadata(BULLET.matcher(raw).matches() ? bulletText(raw) : stripped)) {
          skip(lineNo, idHint(), "facts about the question, not its answer", stripped);
          continue;
        }

        if (stripped.startsWith("|")) {
          if (table.isEmpty()) {
            tableLine = lineNo;
          }
          table.add(stripped);
          openParagraphTarget = null;
          continue;
        }

        Matcher bold = BOLD_LABEL.matcher(raw);
        if (bold.matches()) {
          onBoldLabel(bold.group(1).strip().replaceAll(":$", "").strip(), lineNo);
          continue;
        }

        Matcher inlineLabel = INLINE_LABEL.matcher(stripped);
        if (inlineLabel.matches() && NotesHeadings.isNotTheAnswer(inlineLabel.group(1))) {
          skip(lineNo, idHint(), NotesHeadings.name(inlineLabel.group(1)), stripped);
          openParagraphTarget = null;
          continue;
        }

        String unlabelledTip = NotesMarkup.afterTipLabel(stripped);
        if (unlabelledTip != null && !unlabelledTip.isEmpty() && !BULLET.matcher(raw).matches()) {
          question.tip.add(NotesMarkup.clean(unlabelledTip));
          openParagraphTarget = question.tip;
          lastBulletList = null;
          quoteTip = quoted;
          continue;
        }
        if (quoted && quoteTip) {
          String text =
              NotesMarkup.clean(BULLET.matcher(raw).matches() ? bulletText(raw) : stripped);
          if (openParagraphTarget == question.tip && !question.tip.isEmpty()) {
            question.tip.set(
                question.tip.size() - 1, question.tip.get(question.tip.size() - 1) + " " + text);
          } else {
            question.tip.add(text);
          }
          openParagraphTarget = question.tip;
          continue;
        }

        Matcher bullet = BULLET.matcher(raw);
        if (bullet.matches()) {
          // "- **Answer**: text" under a question written as a list item: the label is not the
          // answer
          String text = NotesMarkup.clean(NotesMarkup.withoutAnswerLabel(bullet.group(2).strip()));
          if (text.isEmpty()) {
            continue;
          }
          if (NotesMarkup.isLinkOnly(text)) {
            skip(lineNo, idHint(), "link", text);
            continue;
          }
          List<String> target = bulletTarget();
          target.add(inMisconceptions() ? wrongAction(text) : text);
          lastBulletList = target;
          lastBulletContentColumn = bullet.start(2);
          blankSinceBullet = false;
          openParagraphTarget = null;
          continue;
        }

        if (Character.isWhitespace(raw.charAt(0))
            && lastBulletList != null
            && !lastBulletList.isEmpty()
            && !quoted
            && (!blankSinceBullet || indentOf(raw) >= lastBulletContentColumn)) {
          // an indented line after a bullet continues that bullet (also across a blank line, when
          // it is indented as far as the bullet's text; less indented, it is a paragraph of its
          // own)
          String more = NotesMarkup.clean(stripped);
          if (more.isEmpty()) {
            continue;
          }
          if (blankSinceBullet) {
            // a paragraph of its own inside the list item: a statement of its own, unless it only
            // introduces what follows ("What to look for:")
            if (RubricText.withoutLeadIn(more).isEmpty()) {
              skip(lineNo, idHint(), "label of the list below", more);
              continue;
            }
            lastBulletList.add(more);
            blankSinceBullet = false;
            continue;
          }
          int last = lastBulletList.size() - 1;
          lastBulletList.set(last, lastBulletList.get(last) + " " + more);
          continue;
        }

        String text = stripped;
        if (NotesMarkup.hasAnswerLabel(text)) {
          text = NotesMarkup.withoutAnswerLabel(text);
          if (context == Context.NONE || context == Context.OTHER && headingSection == null) {
            context = Context.EXPLANATION;
          }
          if (text.isEmpty()) {
            resetBlocks();
            heading = "";
            context = Context.EXPLANATION;
            continue;
          }
        }
        text = NotesMarkup.clean(text);
        if (text.isEmpty()) {
          continue;
        }
        if (NotesMarkup.isLinkOnly(text)) {
          skip(lineNo, idHint(), "link", text);
          continue;
        }
        if (hardBreakBefore) {
          // "first line  " + "second line", or "✅ Idea:" + "text": two lines, not one statement
          openParagraphTarget = null;
        }
        addParagraphLine(inMisconceptions() ? wrongAction(text) : text);
        hardBreakBefore =
            HARD_BREAK.matcher(raw).find()
                || text.endsWith(":") && RubricText.withoutLeadIn(text).isEmpty();
      }

      if (inFence && !layout.swallowReported()) {
        problems.add(
            problem(
                fenceLine,
                "code block opened here is never closed — add a closing "
                    + fenceMarker
                    + " line after the code"));
      }
      if (!table.isEmpty()) {
        finishTable(table, tableLine);
      }
      if (question != null) {
        finishQuestion();
      }
      if (finished.isEmpty()
          && problems.stream().noneMatch(p -> p.message().contains("no title"))) {
        // one cause, one message: without any question, text before "the first question" is not a
        // separate fault
        problems.removeIf(p -> p.message().contains(STRAY));
        strayLines.clear();
        problems.add(problem(firstContent + 1, noQuestionsMessage()));
      }
      reportStrayLines();
      return result(topic);
    }

    private ParseResult result(String fileTopic) {
      assignIds();
      List<Question> questions = new ArrayList<>();
      for (QuestionBuilder q : finished) {
        questions.add(build(q));
      }
      problems.sort(Comparator.comparingInt(BankProblem::line));
      for (int i = 0; i < skipped.size(); i++) {
        QuestionBuilder owner = skippedIn.get(i);
        if (owner != null) {
          SkippedText s = skipped.get(i);
          skipped.set(i, new SkippedText(s.line(), owner.id, s.reason(), s.text()));
        }
      }
      skipped.sort(Comparator.comparingInt(SkippedText::line));
      String resultTopic =
          fileTopic == null || fileTopic.isBlank() ? topicFromFileName(file) : fileTopic;
      return new ParseResult(resultTopic, questions, problems, title, skipped);
    }

    // ---------------------------------------------------------------- headings while reading

    private void onHeading(HeadingLayout.Heading h, int lineNo, String asWritten) {
      if (skipBlock != null && h.role == HeadingLayout.Role.SECTION && h.level > skipBlockLevel) {
        return; // a sub-heading of a skipped block
      }
      skipBlock = null;
      quoteTip = false;
      switch (h.role) {
        case TITLE -> {
          startSkip("introduction under the title", h.level, false);
        }
        case GROUP -> {
          if (question != null) {
            finishQuestion();
          }
          skippingQuestion = false;
          group = NotesHeadings.clean(h.text);
          String groupName = NotesHeadings.topicOf(h.text);
          groupTopic = groupName.isEmpty() ? groupTopic : groupName;
          startSkip("introduction of the group", h.level, false);
        }
        case DOCUMENT_SECTION -> {
          if (question != null) {
            finishQuestion();
          }
          skip(lineNo, "", "not a question: " + NotesHeadings.name(h.text), asWritten);
          startSkip("part of " + NotesHeadings.name(h.text), h.level, true);
        }
        case QUESTION ->
            startQuestion(
                h.question == null ? null : h.question.number(),
                h.question == null
                    ? NotesHeadings.clean(h.text).replace("**", "").strip()
                    : h.question.title(),
                lineNo,
                h.text);
        case UNNUMBERED -> {
          if (question != null) {
            finishQuestion();
          }
          skippingQuestion = true;
        }
        case SECTION -> startHeading(h.text, lineNo, asWritten);
        default -> throw new IllegalStateException("unknown role " + h.role);
      }
    }

    private void startSkip(String reason, int level, boolean alreadyRecorded) {
      skipBlock = reason;
      skipBlockLevel = level;
      skipBlockRecorded = alreadyRecorded;
      resetBlocks();
    }

    /** A line outside every question: skipped with a reason, or reported as stray text. */
    private void outsideQuestion(String raw, String stripped, int lineNo) {
      if (skippingQuestion && question == null && skipBlock == null) {
        return;
      }
      if (skipBlock != null) {
        if (!skipBlockRecorded) {
          skip(lineNo, "", skipBlock, stripped);
          skipBlockRecorded = true;
        }
        return;
      }
      if (NotesMarkup.isNavigation(stripped)
          || NotesMarkup.isImageOnly(stripped)
          || NotesMarkup.stripTags(stripped).isBlank()) {
        skip(lineNo, "", "navigation or image", stripped);
        return;
      }
      reportStray(lineNo, describe(raw));
    }

    private void onBoldLabel(String label, int lineNo) {
      openParagraphTarget = null;
      lastBulletList = null;
      if (NotesHeadings.isExplanation(label) && !label.equalsIgnoreCase("explanation")) {
        resetBlocks();
        heading = "";
        context = Context.EXPLANATION;
        return;
      }
      if (NotesHeadings.isTip(label)) {
        resetBlocks();
        heading = label;
        context = Context.TIP;
        return;
      }
      if (NotesHeadings.isNotTheAnswer(label)) {
        boldSection =
            new SectionBuilder(
                label, Section.Kind.BOLD_LABEL, heading, NotesHeadings.name(label), lineNo);
      } else if (NotesHeadings.isMisconceptions(label) && !isRubricMistakes(label)) {
        boldSection =
            new SectionBuilder("Common Mistakes", Section.Kind.MISCONCEPTIONS, label, null, lineNo);
      } else {
        boldSection = new SectionBuilder(label, Section.Kind.BOLD_LABEL, heading, null, lineNo);
      }
      question.sections.add(boldSection);
    }

    // ---------------------------------------------------------------- front matter

    /** Reads front matter at the top; returns the index of the first line after it. */
    private int readFrontMatter() {
      int first = nextNonBlank(0);
      if (first < 0) {
        return 0;
      }
      String line = lines[first].strip();
      if (line.equals("---")) {
        int firstInner = nextNonBlank(first + 1);
        // a rule, not front matter, unless a `key: value` line follows
        if (firstInner < 0 || !lines[firstInner].strip().matches("^[A-Za-z_][\\w-]*\\s*:.*")) {
          return first + 1;
        }
        for (int i = first + 1; i < lines.length; i++) {
          String inner = lines[i].strip();
          if (inner.equals("---") || inner.equals("...")) {
            return i + 1;
          }
          if (!lines[i].isBlank() && !YAML_LINE.matcher(lines[i]).matches()) {
            break;
          }
          Matcher topicLine = TOPIC_LINE.matcher(inner);
          if (topicLine.matches()) {
            topic = unquote(topicLine.group(1).strip());
          }
        }
        problems.add(
            problem(
                first + 1,
                "front matter opened with --- is never closed — add a closing --- line "
                    + "after `topic: ...`"));
        topic = null;
        for (int i = first + 1; i < lines.length; i++) {
          if (lines[i].startsWith("#")) {
            return i;
          }
        }
        return lines.length;
      }
      Matcher topicLine = TOPIC_LINE.matcher(line);
      if (topicLine.matches()) {
        topic = unquote(topicLine.group(1).strip());
        if (topic.isEmpty()) {
          problems.add(
              problem(
                  first + 1,
                  "`topic:` has no value — write e.g. `topic: Node.js Scaling`, or remove "
                      + "the line to use the file name"));
        }
        return first + 1;
      }
      return 0;
    }

    private static String unquote(String value) {
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        return value.substring(1, value.length() - 1).strip();
      }
      return value;
    }

    private int nextNonBlank(int from) {
      for (int i = from; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          return i;
        }
      }
      return -1;
    }

    // ---------------------------------------------------------------- questions and sections

    private void startQuestion(String number, String questionTitle, int lineNo, String asWritten) {
      if (question != null) {
        finishQuestion();
      }
      resetBlocks();
      heading = "";
      context = Context.NONE;
      skipBlock = null;
      if (questionTitle.isEmpty()) {
        String shown = number == null ? "?" : number;
        problems.add(
            problem(
                lineNo,
                "question "
                    + shown
                    + " has no title — write the question after the number, "
                    + "e.g. `# "
                    + shown
                    + ". What Is X?`"));
        question = null;
        skippingQuestion = true;
        return;
      }
      skippingQuestion = false;
      String questionTopic = !groupTopic.isEmpty() ? groupTopic : null;
      question =
          new QuestionBuilder(
              number,
              NotesMarkup.withoutEmoji(NotesMarkup.stripTags(questionTitle)),
              questionTopic,
              group,
              lineNo);
    }

    private void startHeading(String text, int lineNo, String asWritten) {
      if (question == null) {
        if (!skippingQuestion && skipBlock == null) {
          reportStray(lineNo, "the section `" + asWritten + "`");
        }
        return;
      }
      if (skippingQuestion) {
        return;
      }
      resetBlocks();
      String cleaned = NotesHeadings.clean(text);
      heading = cleaned;
      String normal = Section.normalise(cleaned);
      if (normal.equals("explanation") || NotesHeadings.isExplanation(cleaned)) {
        context = Context.EXPLANATION;
      } else if (normal.matches("(interview |pro )?tips?") || NotesHeadings.isTip(cleaned)) {
        context = Context.TIP;
      } else {
        context = Context.OTHER;
        if (NotesHeadings.isNotTheAnswer(cleaned)) {
          headingSection =
              new SectionBuilder(
                  cleaned, Section.Kind.HEADING, "", NotesHeadings.name(cleaned), lineNo);
        } else if (NotesHeadings.isMisconceptions(cleaned) && !isRubricMistakes(cleaned)) {
          headingSection =
              new SectionBuilder(
                  "Common Mistakes", Section.Kind.MISCONCEPTIONS, cleaned, null, lineNo);
        } else {
          headingSection = new SectionBuilder(cleaned, Section.Kind.HEADING, "", null, lineNo);
        }
        question.sections.add(headingSection);
      }
    }

    /** Names the rubric builder already reads as misconceptions; kept exactly as written. */
    private static boolean isRubricMistakes(String headingText) {
      return Section.normalise(headingText).matches("common mistakes|misconceptions|wrong beliefs");
    }

    private boolean inMisconceptions() {
      SectionBuilder current =
          boldSection != null ? boldSection : context == Context.OTHER ? headingSection : null;
      return current != null && current.kind == Section.Kind.MISCONCEPTIONS;
    }

    /**
     * "Don't block the event loop" under "Don'ts" states the wrong belief "Block the event loop".
     */
    private static String wrongAction(String item) {
      Matcher m = NEGATED_ACTION.matcher(item.strip());
      if (!m.matches()) {
        return item;
      }
      String rest = m.group(1).strip();
      return rest.isEmpty() ? item : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    private static int indentOf(String raw) {
      int n = 0;
      while (n < raw.length() && Character.isWhitespace(raw.charAt(n))) {
        n++;
      }
      return n;
    }

    private static String bulletText(String raw) {
      Matcher bullet = BULLET.matcher(raw);
      return bullet.matches() ? bullet.group(2).strip() : raw.strip();
    }

    private void resetBlocks() {
      headingSection = null;
      boldSection = null;
      openParagraphTarget = null;
      lastBulletList = null;
      strayRunReported = false;
    }

    private List<String> bulletTarget() {
      if (boldSection != null) {
        return boldSection.bullets;
      }
      return switch (context) {
        case TIP -> question.tip;
        case OTHER -> headingSection.bullets;
        case EXPLANATION, NONE -> {
          if (headingSection == null) {
            headingSection =
                new SectionBuilder(
                    context == Context.EXPLANATION ? "Explanation" : "",
                    Section.Kind.HEADING,
                    "",
                    null,
                    0);
            question.sections.add(headingSection);
          }
          yield headingSection.bullets;
        }
      };
    }

    private void addParagraphLine(String text) {
      List<String> target;
      boolean marker = PARAGRAPH_MARKER.matcher(text).matches();
      if (boldSection != null && boldSection.bullets.isEmpty()) {
        target = boldSection.paragraphs;
      } else {
        boldSection = null;
        target =
            switch (context) {
              case TIP -> question.tip;
              case OTHER -> headingSection.paragraphs;
              case EXPLANATION, NONE -> question.explanation;
            };
      }
      lastBulletList = null;
      if (openParagraphTarget == target && !target.isEmpty() && !marker) {
        int last = target.size() - 1;
        target.set(last, target.get(last) + " " + text);
      } else {
        target.add(text);
      }
      openParagraphTarget = target;
    }

    private String exampleHeading() {
      if (boldSection != null) {
        return boldSection.heading;
      }
      return heading.isEmpty() ? "Example" : heading;
    }

    private void finishTable(List<String> rowsAsWritten, int firstLine) {
      if (question == null || skippingQuestion) {
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      for (String row : rowsAsWritten) {
        rows.add(cells(row));
      }
      List<String> header = rows.get(0);
      List<List<String>> body;
      if (rows.size() >= 2
          && rows.get(1).stream()
              .allMatch(c -> SEPARATOR_CELL.matcher(c.replace(" ", "")).matches())) {
        body = new ArrayList<>(rows.subList(2, rows.size()));
      } else {
        problems.add(
            problem(
                firstLine,
                "table has no separator row under its header — add a line like `| --- | --- |` after the header row"));
        body = new ArrayList<>(rows.subList(1, rows.size()));
      }
      List<List<String>> fitted = new ArrayList<>();
      for (List<String> row : body) {
        List<String> cells = new ArrayList<>(row);
        while (cells.size() < header.size()) {
          cells.add("");
        }
        fitted.add(cells);
      }
      question.tables.add(new MarkdownTable(header, fitted));
      openParagraphTarget = null;
    }

    private static List<String> cells(String row) {
      String inner = row.strip();
      if (inner.startsWith("|")) {
        inner = inner.substring(1);
      }
      if (inner.endsWith("|") && !inner.endsWith("\\|")) {
        inner = inner.substring(0, inner.length() - 1);
      }
      List<String> cells = new ArrayList<>();
      for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
        String text = cell.strip().replace("\\|", "|");
        cells.add(
            text.indexOf('<') >= 0 || text.indexOf('$') >= 0 ? NotesMarkup.clean(text) : text);
      }
      return cells;
    }

    private void finishQuestion() {
      QuestionBuilder q = question;
      question = null;
      finished.add(q);
      resetBlocks();
    }

    private Question build(QuestionBuilder q) {
      List<Section> sections = new ArrayList<>();
      for (SectionBuilder s : q.sections) {
        if (s.bullets.isEmpty() && s.paragraphs.isEmpty()) {
          continue;
        }
        if (s.ignoredBecause != null) {
          skip(s.line, q.id, s.ignoredBecause, s.heading);
        } else if (s.kind != Section.Kind.MISCONCEPTIONS
            && s.paragraphs.isEmpty()
            && s.bullets.size() > 0
            && s.bullets.stream().allMatch(NotesMarkup::startsWithLink)) {
          skip(s.line, q.id, "link list", s.heading);
        } else {
          sections.add(s.build());
        }
      }
      String explanation = String.join("\n\n", q.explanation);
      String tip = String.join("\n", q.tip);
      if (explanation.isBlank() && sections.isEmpty() && q.tables.isEmpty() && tip.isBlank()) {
        problems.add(
            problem(
                q.line,
                "question "
                    + q.id
                    + " has nothing to grade against — add an ### Explanation, "
                    + "a section with bullets, a table or an ### Interview Tip"));
      }
      return new Question(
          q.id,
          q.title,
          q.topic == null ? topic : q.topic,
          explanation,
          sections,
          q.examples,
          q.tables,
          tip,
          new SourceLocation(file, q.line));
    }

    /**
     * Plain numbers stay the id; numbering that restarts in every group becomes {@code group-N};
     * unnumbered questions get a slug of their heading with a hash of namespace and heading (see
     * {@link QuestionIds}).
     */
    private void assignIds() {
      Map<String, Set<String>> groupsByNumber = new HashMap<>();
      for (QuestionBuilder q : finished) {
        if (q.number != null) {
          groupsByNumber
              .computeIfAbsent(q.number.toLowerCase(Locale.ROOT), n -> new HashSet<>())
              .add(q.group);
        }
      }
      boolean restarts = groupsByNumber.values().stream().anyMatch(groups -> groups.size() > 1);
      Map<String, Integer> seen = new HashMap<>();
      for (QuestionBuilder q : finished) {
        if (q.number != null) {
          String groupName =
              NotesHeadings.topicOf(q.group).isEmpty() ? q.group : NotesHeadings.topicOf(q.group);
          q.id = restarts ? QuestionIds.grouped(groupName, q.number) : q.number;
          continue;
        }
        String id = QuestionIds.unnumbered(namespace, q.title);
        int n = seen.merge(id, 1, Integer::sum);
        q.id = n > 1 ? id + "-" + n : id; // the same heading twice in one file
      }
    }

    /**
     * Marks a skipped part as inside the current question; its id is filled in once ids are
     * assigned.
     */
    private String idHint() {
      return question == null ? "" : IN_QUESTION;
    }

    private void skip(int lineNo, String questionId, String reason, String text) {
      String shown = text.strip();
      if (shown.length() > 80) {
        shown = shown.substring(0, 77) + "...";
      }
      skipped.add(new SkippedText(lineNo, questionId, reason, shown));
      skippedIn.add(IN_QUESTION.equals(questionId) ? question : null);
    }

    private String noQuestionsMessage() {
      List<String> seen = new ArrayList<>();
      for (HeadingLayout.Heading h : layout.headings.values()) {
        if (h.role != HeadingLayout.Role.TITLE && seen.size() < 3) {
          seen.add("`" + lines[h.index].strip() + "` (line " + (h.index + 1) + ")");
        }
      }
      String example = "#".repeat(Math.max(1, layout.questionLevel)) + " 1. What Is X?";
      if (seen.isEmpty()) {
        return "no questions found — start each question with a heading such as `" + example + "`";
      }
      return "no questions found: no heading here is written as a question ("
          + String.join(", ", seen)
          + ") — start each question with a numbered heading such as `"
          + example
          + "`, or give each "
          + "question an `### Explanation` section under its heading";
    }

    private void reportStray(int lineNo, String what) {
      if (strayRunReported) {
        return;
      }
      strayRunReported = true;
      if (strayLines.isEmpty()) {
        strayWhat = what;
      }
      strayLines.add(lineNo);
    }

    /** Everything before the first question is one fault, reported once at its first line. */
    private void reportStrayLines() {
      if (strayLines.isEmpty()) {
        return;
      }
      String more =
          strayLines.size() == 1
              ? ""
              : " (so do lines "
                  + String.join(
                      ", ",
                      strayLines.subList(1, strayLines.size()).stream()
                          .map(String::valueOf)
                          .toList())
                  + ")";
      problems.add(
          problem(
              strayLines.get(0),
              strayWhat
                  + STRAY
                  + more
                  + " — start the file with a question "
                  + "heading such as `# 1. What Is X?`, or a `# Title` line, or move this inside a question"));
    }

    private static String describe(String raw) {
      String stripped = raw.strip();
      if (BOLD_LABEL.matcher(raw).matches()) {
        return "the section `" + stripped + "`";
      }
      if (stripped.startsWith("|")) {
        return "a table";
      }
      if (BULLET.matcher(raw).matches()) {
        return "a bullet list";
      }
      String shown = stripped.length() > 40 ? stripped.substring(0, 40) + "..." : stripped;
      return "the text `" + shown + "`";
    }

    private BankProblem problem(int line, String message) {
      return new BankProblem(file, line, message);
    }
  }
}
