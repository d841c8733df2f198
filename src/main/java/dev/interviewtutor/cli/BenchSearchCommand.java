package dev.interviewtutor.cli;

import dev.interviewtutor.discord.AutocompleteChoices;
import dev.interviewtutor.grading.KnowledgeSearch;
import dev.interviewtutor.grading.eval.Metrics;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tutor bench-search}: latency of {@code /explain} ({@link KnowledgeSearch}, what the
 * command calls) and of slash-command autocomplete ({@link AutocompleteChoices}) over every loaded
 * bank. Queries are derived from the banks (titles, explanation openings, typed prefixes), so the
 * run is the same on every machine.
 */
@Command(
    name = "bench-search",
    mixinStandardHelpOptions = true,
    description = "Measure /explain search and autocomplete latency over the loaded banks.")
public final class BenchSearchCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--queries",
      defaultValue = "1000",
      description = "Queries to time per path (default ${DEFAULT-VALUE})")
  int queries;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    QuestionBank bank = BankLoader.load(root.config().knowledgeDir());
    out.printf(
        Locale.ROOT,
        "banks: %d questions, %d topics from %s%n",
        bank.questions().size(),
        bank.topics().size(),
        root.config().knowledgeDir());

    long loadStart = System.nanoTime();
    KnowledgeSearch search = KnowledgeSearch.withDefaultModel(bank);
    search.search("warm up", 3); // loads the model and embeds every passage once
    out.printf(
        Locale.ROOT,
        "explain: model load + index of all passages %.0f ms (first search only)%n",
        (System.nanoTime() - loadStart) / 1e6);
    List<String> explainQueries = explainQueries(bank);
    report(
        out, "explain (KnowledgeSearch.search, limit 3)", explainQueries, q -> search.search(q, 3));

    List<String> typed = typedPrefixes(bank);
    List<String> topics = bank.topics();
    report(
        out,
        "autocomplete topics (AutocompleteChoices.topics)",
        typed,
        t -> AutocompleteChoices.topics(topics, t));
    report(
        out,
        "autocomplete questions, any topic (AutocompleteChoices.questions)",
        typed,
        t -> AutocompleteChoices.questions(bank, "", t));
    return 0;
  }

  private void report(PrintWriter out, String name, List<String> inputs, Consumer<String> call) {
    for (int i = 0; i < Math.min(100, inputs.size()); i++) {
      call.accept(inputs.get(i)); // warm-up: JIT
    }
    double[] millis = new double[queries];
    for (int i = 0; i < queries; i++) {
      String input = inputs.get(i % inputs.size());
      long t = System.nanoTime();
      call.accept(input);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    out.printf(
        Locale.ROOT,
        "%s: %d queries, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        name,
        queries,
        Metrics.percentile(millis, 0.50),
        Metrics.percentile(millis, 0.99),
        max(millis));
  }

  /**
   * What people type into /explain: question titles, their first explanation sentence, and short
   * topic phrases.
   */
  static List<String> explainQueries(QuestionBank bank) {
    List<String> queries = new ArrayList<>();
    for (Question q : bank.questions()) {
      queries.add(q.title());
      String explanation = q.explanation().strip();
      int stop = explanation.indexOf(". ");
      if (!explanation.isEmpty()) {
        queries.add(stop > 0 ? explanation.substring(0, stop) : explanation);
      }
      String[] words = q.title().replaceAll("[?.:]", "").split("\\s+");
      queries.add(
          String.join(" ", List.of(words).subList(Math.max(0, words.length - 3), words.length)));
    }
    return queries;
  }

  /**
   * What people type into an autocomplete box: nothing, then 1–6 characters of a title, topic or
   * id.
   */
  static List<String> typedPrefixes(QuestionBank bank) {
    List<String> typed = new ArrayList<>();
    typed.add("");
    for (Question q : bank.questions()) {
      for (int n = 1; n <= 6; n++) {
        typed.add(q.title().substring(0, Math.min(n, q.title().length())));
      }
      typed.add(q.id());
      typed.add(q.topic().substring(0, Math.min(3, q.topic().length())));
    }
    return typed;
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
