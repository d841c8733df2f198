package dev.interviewtutor.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one Markdown bank file into {@link Question}s. It never stops at the first problem: everything it cannot
 * use is collected as a {@link BankProblem} with its line, and the questions it could read are returned beside them.
 *
 * <p>Question headings: {@code # 71. Title}, {@code #77. Title} (no space) and {@code ## 71. Title}. A bare
 * {@code 79. Title} line (no {@code #}) is a question heading only when all of these hold: it starts at column 0,
 * it is outside a code fence, the line before it is blank (or it is the first line of content), the previous
 * non-blank line is neither a numbered list item nor a {@code ###} heading or bold label (those make it a list
 * item), and the next non-blank line is a heading, a bold label, a table row, or the end of the file. Anything else
 * that looks like {@code 1. text} is an ordinary numbered list item.
 *
 * <p>Inside a question: paragraphs under {@code ### Explanation} (or directly under the question heading) form the
 * explanation; paragraphs under {@code ### Interview Tip} form the tip; every other {@code ###} heading and every
 * line that is only a bold label ({@code **Used for:**}, {@code **Types**}) opens a {@link Section} holding its
 * bullets and other lines. A bold label inside a heading gets that heading as its parent; after its bullets end,
 * a following paragraph belongs to the parent heading again. Fenced code becomes a {@link CodeExample} named after
 * the heading it sits under; {@code |}-rows become a {@link MarkdownTable}.
 *
 * <p>Topic: a front-matter line {@code topic: Node.js Scaling} as the first line of content, or {@code topic:} in a
 * {@code ---} block at the very top; otherwise the file name without {@code .md} ({@code nodejs-scaling}).
 */
public final class MarkdownBankParser {

  /** The questions read from one file and every problem found in it. */
  public record ParseResult(String topic, List<Question> questions, List<BankProblem> problems) {
    public ParseResult {
      questions = List.copyOf(questions);
      problems = List.copyOf(problems);
    }
  }

  private static final Pattern HASH_HEADING = Pattern.compile("^(#{1,6})(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d+[A-Za-z]?)\\.(?:\\s*(.*))?$");
  private static final Pattern BARE_QUESTION = Pattern.compile("^(\\d+[A-Za-z]?)\\.\\s+(\\S.*)$");
  private static final Pattern ORDERED_ITEM = Pattern.compile("^\\s*\\d+[.)]\\s+.*$");
  private static final Pattern BOLD_LABEL = Pattern.compile("^\\s*\\*\\*([^*]+?)\\*\\*\\s*:?\\s*$");
  private static final Pattern BULLET = Pattern.compile("^(\\s*)(?:[-*+]|\\d+[.)])\\s+(.*)$");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})\\s*(.*)$");
  private static final Pattern THEMATIC_BREAK = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
  private static final Pattern TOPIC_LINE = Pattern.compile("^topic\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATOR_CELL = Pattern.compile("^:?-{1,}:?$");
  private static final Pattern PARAGRAPH_MARKER = Pattern.compile("^(❌|✅|✔|✗|⚠|👉|💡).*");

  /** Parses {@code text}, the content of {@code file} (used for locations and the file-name topic). */
  public ParseResult parse(Path file, String text) {
    return new Run(file, text).parse();
  }

  /** The topic a file gets when it has no front matter: its name without the {@code .md} extension. */
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
    final List<String> bullets = new ArrayList<>();
    final List<String> paragraphs = new ArrayList<>();

    SectionBuilder(String heading, Section.Kind kind, String parent) {
      this.heading = heading;
      this.kind = kind;
      this.parent = parent;
    }

    Section build() {
      return new Section(heading, kind, parent, bullets, paragraphs);
    }
  }

  private static final class QuestionBuilder {
    final String id;
    final String title;
    final int line;
    final List<String> explanation = new ArrayList<>();
    final List<SectionBuilder> sections = new ArrayList<>();
    final List<CodeExample> examples = new ArrayList<>();
    final List<MarkdownTable> tables = new ArrayList<>();
    final List<String> tip = new ArrayList<>();

    QuestionBuilder(String id, String title, int line) {
      this.id = id;
      this.title = title;
      this.line = line;
    }
  }

  /** One parse of one file; all mutable state lives here. */
  private static final class Run {
    private final Path file;
    private final String[] lines;
    private final List<BankProblem> problems = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();
    private String topic;

    private QuestionBuilder question;
    private boolean skippingQuestion; // after a heading we could not use, until the next question heading
    private Context context = Context.NONE;
    private String heading = "";
    private SectionBuilder headingSection;
    private SectionBuilder boldSection;
    private List<String> openParagraphTarget; // the list whose last entry a soft-wrapped line continues
    private List<String> lastBulletList;
    private boolean strayRunReported;

    Run(Path file, String text) {
      this.file = file;
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      this.lines = body.split("\\r?\\n|\\r", -1);
    }

    ParseResult parse() {
      int start = readFrontMatter();
      if (topic == null || topic.isBlank()) {
        topic = topicFromFileName(file);
      }
      int firstContent = nextNonBlank(start);
      if (firstContent < 0) {
        problems.add(problem(1, start == 0
            ? "the file is empty — add at least one question such as `# 1. What Is X?` with an ### Explanation"
            : "the file has front matter but no questions — add at least one question such as `# 1. What Is X?`"));
        return new ParseResult(topic, questions, problems);
      }
      boolean inFence = false;
      String fenceMarker = "";
      String fenceLanguage = "";
      int fenceLine = 0;
      StringBuilder code = new StringBuilder();
      boolean inComment = false;
      List<String> table = new ArrayList<>();
      int tableLine = 0;

      for (int i = start; i < lines.length; i++) {
        String raw = lines[i];
        int lineNo = i + 1;
        String stripped = raw.strip();

        if (inFence) {
          Matcher close = FENCE.matcher(raw);
          if (close.matches() && close.group(2).isBlank() && close.group(1).charAt(0) == fenceMarker.charAt(0)
              && close.group(1).length() >= fenceMarker.length()) {
            inFence = false;
            if (question != null && !skippingQuestion) {
              question.examples.add(new CodeExample(exampleHeading(), fenceLanguage, code.toString()));
            }
          } else {
            if (codeLines > 0) {
              code.append('\n');
            }
            code.append(raw);
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
        if (!table.isEmpty() && !stripped.startsWith("|")) {
          finishTable(table, tableLine);
          table.clear();
        }
        if (stripped.isEmpty()) {
          openParagraphTarget = null;
          strayRunReported = false;
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
          code.setLength(0);
          codeLines = 0;
          openParagraphTarget = null;
          if (question == null) {
            reportStray(lineNo, "a code block");
          }
          continue;
        }

        Matcher hash = HASH_HEADING.matcher(raw);
        if (hash.matches()) {
          int level = hash.group(1).length();
          String rest = hash.group(2).strip().replaceAll("\\s+#+$", "");
          Matcher numbered = NUMBERED.matcher(rest);
          if (level <= 2 && numbered.matches()) {
            startQuestion(numbered.group(1), numbered.group(2) == null ? "" : numbered.group(2).strip(), lineNo);
            continue;
          }
          if (level == 1) {
            problems.add(problem(lineNo, "heading `" + stripped + "` has no question number — write questions as `# 81. "
                + (rest.isEmpty() ? "What Is X?" : rest) + "`, and use `### " + (rest.isEmpty() ? "Heading" : rest)
                + "` for a section inside a question"));
            if (question != null) {
              finishQuestion();
            }
            skippingQuestion = true;
            continue;
          }
          startHeading(rest, lineNo, stripped);
          continue;
        }

        if (isBareQuestion(i)) {
          Matcher bare = BARE_QUESTION.matcher(raw);
          bare.matches();
          startQuestion(bare.group(1), bare.group(2).strip(), lineNo);
          continue;
        }

        if (question == null) {
          if (!skippingQuestion) {
            reportStray(lineNo, describe(raw));
          }
          continue;
        }
        if (skippingQuestion) {
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
          String label = bold.group(1).strip().replaceAll(":$", "").strip();
          boldSection = new SectionBuilder(label, Section.Kind.BOLD_LABEL, heading);
          question.sections.add(boldSection);
          openParagraphTarget = null;
          lastBulletList = null;
          continue;
        }

        Matcher bullet = BULLET.matcher(raw);
        if (bullet.matches()) {
          List<String> target = bulletTarget();
          target.add(bullet.group(2).strip());
          lastBulletList = target;
          openParagraphTarget = null;
          continue;
        }

        if (Character.isWhitespace(raw.charAt(0)) && lastBulletList != null && !lastBulletList.isEmpty()) {
          // an indented line after a bullet continues that bullet (also across a blank line)
          int last = lastBulletList.size() - 1;
          lastBulletList.set(last, lastBulletList.get(last) + " " + stripped);
          continue;
        }

        addParagraphLine(stripped);
      }

      if (inFence) {
        problems.add(problem(fenceLine, "code block opened here is never closed — add a closing " + fenceMarker
            + " line after the code"));
      }
      if (!table.isEmpty()) {
        finishTable(table, tableLine);
      }
      if (question != null) {
        finishQuestion();
      }
      if (questions.isEmpty() && problems.stream().noneMatch(p -> p.message().contains("no title"))) {
        problems.add(problem(firstContent + 1,
            "no questions found — start each question with a heading such as `# 1. What Is X?`"));
      }
      return new ParseResult(topic, questions, problems);
    }

    private int codeLines;

    /** Reads front matter at the top; returns the index of the first line after it. */
    private int readFrontMatter() {
      int first = nextNonBlank(0);
      if (first < 0) {
        return 0;
      }
      String line = lines[first].strip();
      if (line.equals("---")) {
        for (int i = first + 1; i < lines.length; i++) {
          String inner = lines[i].strip();
          if (inner.equals("---") || inner.equals("...")) {
            return i + 1;
          }
          Matcher topicLine = TOPIC_LINE.matcher(inner);
          if (topicLine.matches()) {
            topic = unquote(topicLine.group(1).strip());
          }
        }
        problems.add(problem(first + 1, "front matter opened with --- is never closed — add a closing --- line "
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
          problems.add(problem(first + 1, "`topic:` has no value — write e.g. `topic: Node.js Scaling`, or remove "
              + "the line to use the file name"));
        }
        return first + 1;
      }
      return 0;
    }

    private static String unquote(String value) {
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
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

    private int previousNonBlank(int before) {
      for (int i = before - 1; i >= 0; i--) {
        if (!lines[i].isBlank()) {
          return i;
        }
      }
      return -1;
    }

    private boolean isBareQuestion(int i) {
      String raw = lines[i];
      if (!BARE_QUESTION.matcher(raw).matches()) {
        return false;
      }
      if (i > 0 && !lines[i - 1].isBlank()) {
        return false;
      }
      int previous = previousNonBlank(i);
      if (previous >= 0) {
        String before = lines[previous];
        if (ORDERED_ITEM.matcher(before).matches() || before.strip().startsWith("#")
            || BOLD_LABEL.matcher(before).matches()) {
          return false;
        }
      }
      int next = nextNonBlank(i + 1);
      if (next < 0) {
        return true;
      }
      String after = lines[next].strip();
      return after.startsWith("#") || after.startsWith("|") || BOLD_LABEL.matcher(lines[next]).matches();
    }

    private void startQuestion(String id, String title, int lineNo) {
      if (question != null) {
        finishQuestion();
      }
      resetBlocks();
      heading = "";
      context = Context.NONE;
      if (title.isEmpty()) {
        problems.add(problem(lineNo, "question " + id + " has no title — write the question after the number, e.g. `# "
            + id + ". What Is X?`"));
        question = null;
        skippingQuestion = true;
        return;
      }
      skippingQuestion = false;
      question = new QuestionBuilder(id, title, lineNo);
    }

    private void startHeading(String text, int lineNo, String asWritten) {
      if (question == null) {
        if (!skippingQuestion) {
          reportStray(lineNo, "the section `" + asWritten + "`");
        }
        return;
      }
      if (skippingQuestion) {
        return;
      }
      resetBlocks();
      heading = text;
      String normal = Section.normalise(text);
      if (normal.equals("explanation")) {
        context = Context.EXPLANATION;
      } else if (normal.matches("(interview |pro )?tips?")) {
        context = Context.TIP;
      } else {
        context = Context.OTHER;
        headingSection = new SectionBuilder(text, Section.Kind.HEADING, "");
        question.sections.add(headingSection);
      }
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
            headingSection = new SectionBuilder(context == Context.EXPLANATION ? "Explanation" : "",
                Section.Kind.HEADING, "");
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
        target = switch (context) {
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
      if (question == null) {
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      for (String row : rowsAsWritten) {
        rows.add(cells(row));
      }
      List<String> header = rows.get(0);
      List<List<String>> body;
      if (rows.size() >= 2 && rows.get(1).stream().allMatch(c -> SEPARATOR_CELL.matcher(c.replace(" ", "")).matches())) {
        body = new ArrayList<>(rows.subList(2, rows.size()));
      } else {
        problems.add(problem(firstLine,
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
        cells.add(cell.strip().replace("\\|", "|"));
      }
      return cells;
    }

    private void finishQuestion() {
      QuestionBuilder q = question;
      question = null;
      List<Section> sections = new ArrayList<>();
      for (SectionBuilder s : q.sections) {
        if (!s.bullets.isEmpty() || !s.paragraphs.isEmpty()) {
          sections.add(s.build());
        }
      }
      String explanation = String.join("\n\n", q.explanation);
      String tip = String.join("\n", q.tip);
      if (explanation.isBlank() && sections.isEmpty() && q.tables.isEmpty() && tip.isBlank()) {
        problems.add(problem(q.line, "question " + q.id + " has nothing to grade against — add an ### Explanation, "
            + "a section with bullets, a table or an ### Interview Tip"));
      }
      questions.add(new Question(q.id, q.title, topic, explanation, sections, q.examples, q.tables, tip,
          new SourceLocation(file, q.line)));
      resetBlocks();
    }

    private void reportStray(int lineNo, String what) {
      if (strayRunReported) {
        return;
      }
      strayRunReported = true;
      problems.add(problem(lineNo, what + " comes before the first question — start the file with a question "
          + "heading such as `# 1. What Is X?`, or move this inside a question"));
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
