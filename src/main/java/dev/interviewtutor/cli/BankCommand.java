package dev.interviewtutor.cli;

import dev.interviewtutor.config.BankLocation;
import dev.interviewtutor.knowledge.BankException;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.BankProblem;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tutor bank validate|list [DIR]}: check and show the question banks ({@code validate} also
 * takes one file); {@code preview}, {@code import} and {@code lint} live in their own classes.
 */
@Command(
    name = "bank",
    mixinStandardHelpOptions = true,
    description =
        "Check, list, preview, import and lint question banks (default directory: --knowledge / "
            + "TUTOR_KNOWLEDGE).",
    subcommands = {
      BankCommand.Validate.class,
      BankCommand.ListQuestions.class,
      BankPreviewCommand.class,
      BankImportCommand.class,
      BankLintCommand.class,
      BankEnrichCommand.class
    })
public final class BankCommand implements Callable<Integer> {
  /** Exit code when the banks have problems. */
  static final int PROBLEMS = 1;

  @ParentCommand TutorCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  Path directory(Path given) {
    return given != null ? given : BankLocation.of(root.config()).dir();
  }

  static int printProblems(PrintWriter err, BankException e) {
    List<BankProblem> problems = e.problems();
    err.println(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the question banks:");
    for (BankProblem problem : problems) {
      err.println("  " + problem);
    }
    err.flush();
    return PROBLEMS;
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Load every bank of DIR (or the one FILE); print a summary, or every problem with file:line"
              + " (exit 1).")
  static final class Validate implements Callable<Integer> {
    @ParentCommand BankCommand bank;
    @Spec CommandSpec spec;

    @Parameters(
        arity = "0..1",
        paramLabel = "DIR|FILE",
        description = "Directory of *.md banks, or one bank file")
    Path dir;

    @Override
    public Integer call() {
      Path directory = bank.directory(dir);
      PrintWriter out = spec.commandLine().getOut();
      boolean oneFile = Files.isRegularFile(directory);
      try {
        QuestionBank loaded = oneFile ? loadFile(directory) : BankLoader.load(directory);
        Map<String, Rubric> rubrics = QuestionRubrics.forBank(loaded);
        int keyPoints = rubrics.values().stream().mapToInt(r -> r.keyPoints().size()).sum();
        int misconceptions =
            rubrics.values().stream().mapToInt(r -> r.misconceptions().size()).sum();
        int files = oneFile ? 1 : BankLoader.bankFiles(directory, new ArrayList<>()).size();
        out.printf(
            "OK: %d questions in %d %s (%s), topics: %s; %d key points, %d misconceptions.%n",
            loaded.questions().size(),
            files,
            files == 1 ? "file" : "files",
            directory,
            String.join(", ", loaded.topics()),
            keyPoints,
            misconceptions);
        out.flush();
        return 0;
      } catch (BankException e) {
        return printProblems(spec.commandLine().getErr(), e);
      }
    }

    /** One bank file checked exactly as a directory's file, or as an uploaded bank. */
    private static QuestionBank loadFile(Path file) {
      List<BankProblem> problems = new ArrayList<>();
      String text;
      try {
        text = BankLoader.decode(file, Files.readAllBytes(file), problems);
      } catch (IOException e) {
        throw new BankException(
            List.of(new BankProblem(file, 0, "cannot be read: " + e.getMessage())));
      }
      if (!problems.isEmpty()) {
        throw new BankException(problems);
      }
      return BankLoader.fromTexts(List.of(new BankLoader.BankText(file, text)));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print id, title, topic and key-point count of every question.")
  static final class ListQuestions implements Callable<Integer> {
    @ParentCommand BankCommand bank;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Directory of *.md banks")
    Path dir;

    @Override
    public Integer call() {
      QuestionBank loaded;
      try {
        loaded = BankLoader.load(bank.directory(dir));
      } catch (BankException e) {
        return printProblems(spec.commandLine().getErr(), e);
      }
      Map<String, Rubric> rubrics = QuestionRubrics.forBank(loaded);
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"ID", "TITLE", "TOPIC", "KEY POINTS"});
      for (Question q : loaded.questions()) {
        rows.add(
            new String[] {
              q.id(), q.title(), q.topic(), Integer.toString(rubrics.get(q.id()).keyPoints().size())
            });
      }
      int[] widths = new int[3];
      for (String[] row : rows) {
        for (int i = 0; i < widths.length; i++) {
          widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
          line.append(row[i])
              .append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
        }
        out.println(line.append(row[3]).toString().stripTrailing());
      }
      out.flush();
      return 0;
    }
  }
}
