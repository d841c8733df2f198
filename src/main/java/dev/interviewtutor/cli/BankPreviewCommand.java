package dev.interviewtutor.cli;

import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.BankProblem;
import dev.interviewtutor.knowledge.CodeExample;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.MarkdownBankParser;
import dev.interviewtutor.knowledge.MarkdownTable;
import dev.interviewtutor.knowledge.Misconception;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionIds;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.Section;
import dev.interviewtutor.knowledge.SkippedText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tutor bank preview FILE [--question ID]}: what the parser read from one bank file,
 * question by question: title, topic, explanation, sections, code, tables, tip, and the key points
 * and misconceptions derived from them; then what was skipped and every problem. Exit 1 when the
 * file has problems.
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description =
        "Show what was parsed from one bank file: title, topic, sections, key points, misconceptions, tip.")
final class BankPreviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A Markdown bank file")
  Path file;

  @Option(names = "--question", paramLabel = "ID", description = "Show only this question")
  String questionId;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<BankProblem> problems = new ArrayList<>();
    String text;
    try {
      text = BankLoader.decode(file, Files.readAllBytes(file), problems);
    } catch (IOException e) {
      err.println(
          file + ": cannot be read (" + e.getMessage() + ") — check the path and its permissions");
      err.flush();
      return BankCommand.PROBLEMS;
    }
    MarkdownBankParser.ParseResult result =
        new MarkdownBankParser().parse(file, text, QuestionIds.namespace(null, file));
    problems.addAll(result.problems());
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(new QuestionBank(result.questions()));
    List<Question> shown = result.questions();
    if (questionId != null) {
      shown = shown.stream().filter(q -> q.id().equals(questionId.strip())).toList();
      if (shown.isEmpty()) {
        err.println(
            "no question "
                + questionId
                + " in "
                + file
                + " — its ids: "
                + String.join(", ", result.questions().stream().map(Question::id).toList()));
        err.flush();
        return BankCommand.PROBLEMS;
      }
    }
    out.println("File:   " + file);
    out.println("Title:  " + (result.title().isEmpty() ? "(none)" : result.title()));
    out.println("Topic:  " + result.topic());
    out.println(
        result.questions().size()
            + (result.questions().size() == 1 ? " question, " : " questions, ")
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems"));
    for (Question q : shown) {
      printQuestion(out, q, rubrics.get(q.id()));
    }
    if (questionId == null && !result.skipped().isEmpty()) {
      out.println();
      out.println("Skipped (not part of any answer):");
      for (SkippedText s : result.skipped()) {
        out.println(
            "  line "
                + s.line()
                + (s.questionId().isEmpty() ? "" : " (in " + s.questionId() + ")")
                + ": "
                + s.reason()
                + " — "
                + s.text());
      }
    }
    out.flush();
    if (!problems.isEmpty()) {
      err.println(problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
      for (BankProblem p : problems) {
        err.println("  " + p);
      }
      err.flush();
      return BankCommand.PROBLEMS;
    }
    return 0;
  }

  private static void printQuestion(PrintWriter out, Question q, Rubric rubric) {
    out.println();
    out.println("[" + q.id() + "] " + q.title());
    out.println("  line " + q.location().line() + ", topic " + q.topic());
    if (!q.explanation().isBlank()) {
      out.println("  Explanation:");
      for (String paragraph : q.explanation().split("\n\n")) {
        out.println("    " + paragraph);
      }
    }
    for (Section s : q.sections()) {
      String kind =
          switch (s.kind()) {
            case HEADING -> "section";
            case BOLD_LABEL -> "bold label" + (s.parent().isEmpty() ? "" : " under " + s.parent());
            case MISCONCEPTIONS -> "wrong beliefs, written as \"" + s.parent() + "\"";
          };
      out.println(
          "  " + (s.heading().isEmpty() ? "(no heading)" : s.heading()) + " (" + kind + "):");
      for (String bullet : s.bullets()) {
        out.println("    - " + bullet);
      }
      for (String paragraph : s.paragraphs()) {
        out.println("    " + paragraph);
      }
    }
    for (MarkdownTable t : q.tables()) {
      out.println("  Table: " + String.join(" | ", t.header()) + " (" + t.rows().size() + " rows)");
    }
    for (CodeExample c : q.examples()) {
      long lines = c.code().lines().count();
      out.println(
          "  Code: "
              + c.heading()
              + (c.language().isEmpty() ? "" : " (" + c.language() + ")")
              + ", "
              + lines
              + (lines == 1 ? " line" : " lines"));
    }
    if (!q.tip().isBlank()) {
      out.println("  Tip: " + q.tip().replace("\n", " "));
    }
    out.println("  Key points (" + rubric.keyPoints().size() + "):");
    for (KeyPoint kp : rubric.keyPoints()) {
      out.println("    " + kp.id() + " [" + kp.weight() + "] " + kp.text());
    }
    out.println("  Misconceptions (" + rubric.misconceptions().size() + "):");
    for (Misconception m : rubric.misconceptions()) {
      out.println(
          "    " + m.id() + " " + m.text() + (m.reason().isEmpty() ? "" : " — " + m.reason()));
    }
  }
}
