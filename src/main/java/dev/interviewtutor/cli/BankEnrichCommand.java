package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.enrich.BankEnricher;
import dev.interviewtutor.grading.llm.LlmServices;
import dev.interviewtutor.knowledge.BankException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tutor bank enrich FILE.md [--out F.md] [--force]}: with an LLM configured, writes a copy
 * of the bank with proposed {@code ### Key Points}, {@code ### Synonyms} and {@code ### Common
 * Mistakes} per question, for a person to review. Never changes the input; never overwrites a file
 * unless {@code --force}.
 */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description =
        "With an LLM configured, propose Key Points, Synonyms and Common Mistakes per question into a new "
            + "file to review (the input is never changed).")
final class BankEnrichCommand implements Callable<Integer> {
  @ParentCommand BankCommand bank;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The bank (*.md) to enrich")
  Path file;

  @Option(
      names = "--out",
      paramLabel = "F.md",
      description = "Where to write (default: FILE.enriched.md beside it)")
  Path out;

  @Option(names = "--force", description = "Overwrite --out if it exists")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    TutorConfig config = bank.root.config();
    Path target = out != null ? out : defaultOut(file);
    if (!Files.isRegularFile(file)) {
      err.println(file + ": no such file");
      err.flush();
      return BankCommand.PROBLEMS;
    }
    if (target.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
      err.println("--out must be another file: enrich never changes its input (" + file + ")");
      err.flush();
      return BankCommand.PROBLEMS;
    }
    if (Files.exists(target) && !force) {
      err.println(target + " exists; choose another --out or add --force");
      err.flush();
      return BankCommand.PROBLEMS;
    }
    Optional<LlmServices> llm = LlmServices.fromConfig(config);
    if (llm.isEmpty()) {
      err.println(
          "bank enrich needs an LLM: set TUTOR_LLM_PROVIDER (and TUTOR_LLM_MODEL, TUTOR_LLM_BASE_URL or the"
              + " provider's key); see the README's configuration table");
      err.flush();
      return BankCommand.PROBLEMS;
    }
    BankEnricher.Result result;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      result =
          new BankEnricher(llm.get().client(), config.promptsDir())
              .enrich(
                  file,
                  text,
                  line -> {
                    err.println("asking about " + line);
                    err.flush();
                  });
    } catch (BankException e) {
      return BankCommand.printProblems(err, e);
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(target, result.text(), StandardCharsets.UTF_8);
    stdout.println(
        "Wrote "
            + target
            + ": proposals for "
            + result.enriched()
            + " question(s), "
            + result.unchanged()
            + " unchanged"
            + (result.failed() > 0
                ? ", " + result.failed() + " without an answer from the LLM"
                : "")
            + ". Review it, then use it in place of "
            + file.getFileName()
            + ".");
    stdout.flush();
    return result.failed() > 0 ? BankCommand.PROBLEMS : 0;
  }

  static Path defaultOut(Path file) {
    String name = file.getFileName().toString();
    String stem =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".md")
            ? name.substring(0, name.length() - 3)
            : name;
    return file.resolveSibling(stem + ".enriched.md");
  }
}
