package dev.interviewtutor.cli;

import dev.interviewtutor.knowledge.BankException;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.BankProblem;
import dev.interviewtutor.knowledge.MarkdownBankParser;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionIds;
import dev.interviewtutor.knowledge.sources.AnkiNotes;
import dev.interviewtutor.knowledge.sources.CsvNotes;
import dev.interviewtutor.knowledge.sources.ImportResult;
import dev.interviewtutor.knowledge.sources.ImportedNote;
import dev.interviewtutor.knowledge.sources.SeedBankWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tutor bank import --from anki|csv FILE}: writes the notes as a bank in the seed format for
 * a person to review (one file per topic when the notes carry several). Numbers start after the
 * highest question number in the knowledge directory, so the new bank's ids do not clash with the
 * banks already there. Never overwrites a file unless {@code --force}; rows that cannot be used are
 * listed with their line (exit 1), the others are written.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Write Anki (Notes in Plain Text) or CSV (question,answer[,topic]) notes as a Markdown bank to review.")
final class BankImportCommand implements Callable<Integer> {
  enum Source {
    anki,
    csv
  }

  @ParentCommand BankCommand bank;
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "anki|csv",
      description = "Format of FILE: ${COMPLETION-CANDIDATES}")
  Source from;

  @Parameters(index = "0", paramLabel = "FILE", description = "Anki .txt export or CSV file")
  Path file;

  @Option(
      names = "--out",
      paramLabel = "FILE.md",
      description = "Bank to write (default: FILE with .md, beside it)")
  Path out;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "Topic for notes without one (default: file name)")
  String topic;

  @Option(
      names = "--first-number",
      paramLabel = "N",
      description =
          "Number of the first question (default: one after the highest in the knowledge directory)")
  Integer firstNumber;

  @Option(names = "--force", description = "Overwrite existing output files")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(
          file
              + ": cannot be read as UTF-8 text ("
              + e.getMessage()
              + ") — check the path, or save it as UTF-8");
      err.flush();
      return BankCommand.PROBLEMS;
    }
    ImportResult read =
        from == Source.anki ? AnkiNotes.read(file, text) : CsvNotes.read(file, text);
    String fallbackTopic =
        topic != null && !topic.isBlank()
            ? topic.strip()
            : MarkdownBankParser.topicFromFileName(Path.of(stem(file) + ".md"));
    Map<String, List<ImportedNote>> byTopic = new LinkedHashMap<>();
    for (ImportedNote note : read.notes()) {
      String t =
          topic != null && !topic.isBlank()
              ? topic.strip()
              : note.topic().isBlank() ? fallbackTopic : note.topic();
      byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(note);
    }
    Path target = out != null ? out : file.resolveSibling(stem(file) + ".md");
    int number = firstNumber != null ? firstNumber : nextFreeNumber();
    List<BankProblem> problems = new ArrayList<>(read.problems());
    Map<Path, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, List<ImportedNote>> entry : byTopic.entrySet()) {
      Path path =
          byTopic.size() == 1
              ? target
              : target.resolveSibling(
                  stem(target) + "-" + QuestionIds.namespaceSlug(entry.getKey()) + ".md");
      files.put(path, SeedBankWriter.write(entry.getKey(), entry.getValue(), number));
      number += entry.getValue().size();
    }
    for (Path path : files.keySet()) {
      if (Files.exists(path) && !force) {
        err.println(
            path + ": already exists — choose another --out, or add --force to overwrite it");
        err.flush();
        return BankCommand.PROBLEMS;
      }
    }
    for (Map.Entry<Path, String> written : files.entrySet()) {
      try {
        Path parent = written.getKey().toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(written.getKey(), written.getValue(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println(
            written.getKey()
                + ": cannot be written ("
                + e.getMessage()
                + ") — check the directory");
        err.flush();
        return BankCommand.PROBLEMS;
      }
      // what was written must load as it is
      MarkdownBankParser.ParseResult check =
          new MarkdownBankParser().parse(written.getKey(), written.getValue());
      problems.addAll(check.problems());
      stdout.println(
          "Wrote "
              + check.questions().size()
              + (check.questions().size() == 1 ? " question" : " questions")
              + " ("
              + idRange(check.questions())
              + ", topic "
              + check.topic()
              + ") to "
              + written.getKey());
    }
    if (!files.isEmpty()) {
      stdout.println(
          "Review it (tutor bank preview FILE), then copy it into the knowledge directory.");
    }
    stdout.flush();
    if (!problems.isEmpty()) {
      err.println(
          problems.size() + (problems.size() == 1 ? " row was" : " rows were") + " not imported:");
      for (BankProblem p : problems) {
        err.println("  " + p);
      }
      err.flush();
      return BankCommand.PROBLEMS;
    }
    return 0;
  }

  /** One after the highest plain question number in the knowledge directory, or 1. */
  private int nextFreeNumber() {
    try {
      return BankLoader.load(bank.directory(null)).questions().stream()
              .map(Question::id)
              .filter(id -> id.matches("\\d+"))
              .mapToInt(Integer::parseInt)
              .max()
              .orElse(0)
          + 1;
    } catch (BankException | IllegalStateException e) {
      return 1; // no usable knowledge directory: nothing to clash with
    }
  }

  private static String idRange(List<Question> questions) {
    if (questions.isEmpty()) {
      return "no ids";
    }
    String first = questions.get(0).id();
    String last = questions.get(questions.size() - 1).id();
    return first.equals(last) ? "id " + first : "ids " + first + "–" + last;
  }

  private static String stem(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
