package dev.interviewtutor.cli;

import dev.interviewtutor.knowledge.BankException;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.lint.BankLint;
import dev.interviewtutor.knowledge.lint.LintReport;
import dev.interviewtutor.knowledge.lint.LintWarning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tutor bank lint [DIR] [--strict]}: warnings (file:line) about what makes questions hard to
 * grade, then the warnings the banks acknowledge (not counted). Exit 0 with warnings unless {@code
 * --strict}; exit 1 when the banks do not load at all.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description =
        "Warn about questions that are hard to grade (file:line); exit 1 on warnings only with --strict.")
final class BankLintCommand implements Callable<Integer> {
  @ParentCommand BankCommand bank;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "Directory of *.md banks")
  Path dir;

  @Option(names = "--strict", description = "Exit 1 when there is any warning")
  boolean strict;

  @Override
  public Integer call() {
    QuestionBank loaded;
    try {
      loaded = BankLoader.load(bank.directory(dir));
    } catch (BankException e) {
      return BankCommand.printProblems(spec.commandLine().getErr(), e);
    }
    LintReport report = BankLint.check(loaded);
    List<LintWarning> warnings = report.warnings();
    PrintWriter out = spec.commandLine().getOut();
    for (LintWarning warning : warnings) {
      out.println(warning);
    }
    for (LintReport.Acknowledged kept : report.acknowledged()) {
      out.println(kept);
    }
    long questions = warnings.stream().map(LintWarning::questionId).distinct().count();
    String acknowledged =
        report.acknowledged().isEmpty()
            ? ""
            : " ("
                + report.acknowledged().size()
                + " acknowledged in the banks' lint-acknowledged: front matter, not counted)";
    out.println(
        (warnings.isEmpty()
                ? "No warnings in " + loaded.questions().size() + " questions"
                : warnings.size()
                    + (warnings.size() == 1 ? " warning" : " warnings")
                    + " in "
                    + questions
                    + " of "
                    + loaded.questions().size()
                    + " questions")
            + acknowledged
            + ".");
    out.flush();
    return strict && !warnings.isEmpty() ? BankCommand.PROBLEMS : 0;
  }
}
