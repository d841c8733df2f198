package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.BankException;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.BankProblem;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.ServerBankRepository;
import dev.interviewtutor.store.ServerBankRepository.StoredBank;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Discord server's own question banks: upload (checked with the bank parser, every problem
 * reported with its line), list, remove, and the per-server switch for each shipped bank. What a
 * server sees follows at once ({@link Catalog}). Removing or replacing a bank leaves stored
 * progress, open interviews and daily posts working: a question no longer there is shown as
 * "removed from the bank" and skipped.
 */
public final class ServerBanks {
  /** The largest bank file a server may upload: 1 MB. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Bank names: lower-case letters, digits and '-', from the file name. */
  static final int MAX_NAME = 32;

  private final Database db;
  private final Clock clock;
  private final Catalog catalog;

  ServerBanks(Database db, Clock clock, Catalog catalog) {
    this.db = db;
    this.clock = clock;
    this.catalog = catalog;
  }

  /**
   * What an upload did.
   *
   * @param name the bank's name on the server (from the file name)
   * @param questions questions loaded (0 when refused)
   * @param replaced whether a bank of that name was replaced
   * @param problems every problem, sorted by line; empty when the bank was saved
   */
  public record Upload(String name, int questions, boolean replaced, List<BankProblem> problems) {
    public boolean saved() {
      return problems.isEmpty();
    }
  }

  /** One of the server's own banks. */
  public record OwnBank(String name, int questions) {}

  /** A shipped bank and whether the server has it on. */
  public record ShippedBank(String name, int questions, boolean enabled) {}

  /** What {@code /bank list} shows. */
  public record Listing(List<OwnBank> own, List<ShippedBank> shipped) {}

  /**
   * Checks an uploaded bank file and, when it has no problem, makes it the server's (replacing its
   * bank of the same name). Refused uploads change nothing.
   *
   * @param fileName the attachment's file name (must end in {@code .md})
   * @param bytes its content (at most {@link #MAX_BYTES})
   * @param uploadedBy the uploader's person key
   */
  public Upload upload(Scope scope, String fileName, byte[] bytes, String uploadedBy) {
    requireServer(scope);
    String name = nameOf(fileName);
    Path file = Path.of(name + ".md");
    List<BankProblem> problems = new ArrayList<>();
    if (!fileName.toLowerCase(Locale.ROOT).endsWith(".md")) {
      problems.add(
          new BankProblem(
              Path.of(fileName), 0, "not a Markdown file — upload the bank as a .md file"));
      return new Upload(name, 0, false, problems);
    }
    if (bytes.length > MAX_BYTES) {
      problems.add(
          new BankProblem(
              file,
              0,
              "is "
                  + bytes.length
                  + " bytes; a bank may be at most "
                  + MAX_BYTES
                  + " bytes (1 MB) — split it into several files"));
      return new Upload(name, 0, false, problems);
    }
    String text = BankLoader.decode(file, bytes, problems);
    QuestionBank bank;
    try {
      bank = Catalog.parseServerBank(scope.id(), name, text);
    } catch (BankException e) {
      problems.addAll(e.problems());
      return new Upload(name, 0, false, sorted(problems));
    }
    if (bank.questions().isEmpty()) {
      problems.add(
          new BankProblem(
              file,
              0,
              "has no questions — write each as a heading such as `# 1. What is"
                  + " a closure?` (see the bank format in the README)"));
    }
    problems.addAll(clashes(scope.id(), name, bank));
    if (!problems.isEmpty()) {
      return new Upload(name, 0, false, sorted(problems));
    }
    boolean replaced = catalog.serverBanks(scope.id()).containsKey(name);
    int count = bank.questions().size();
    db.writeVoid(
        c ->
            ServerBankRepository.save(
                c,
                new StoredBank(
                    scope.id(), name, text, count, uploadedBy, clock.instant().toEpochMilli())));
    catalog.invalidate(scope.id());
    return new Upload(name, count, replaced, List.of());
  }

  /** The server's own banks and the shipped banks with their switch. */
  public Listing list(Scope scope) {
    requireServer(scope);
    List<OwnBank> own = new ArrayList<>();
    catalog
        .serverBanks(scope.id())
        .forEach((name, bank) -> own.add(new OwnBank(name, bank.questions().size())));
    Set<String> off = catalog.shippedOff(scope.id());
    List<ShippedBank> shipped = new ArrayList<>();
    catalog
        .shippedBanks()
        .forEach((name, count) -> shipped.add(new ShippedBank(name, count, !off.contains(name))));
    return new Listing(own, shipped);
  }

  /** Removes one of the server's banks; false when it has none of that name. */
  public boolean remove(Scope scope, String name) {
    requireServer(scope);
    boolean removed = db.write(c -> ServerBankRepository.remove(c, scope.id(), name.strip()));
    catalog.invalidate(scope.id());
    return removed;
  }

  /**
   * Switches a shipped bank on or off for the server; an unknown name is a {@link
   * UserFacingException}.
   */
  public void setShipped(Scope scope, String name, boolean enabled) {
    requireServer(scope);
    String wanted = name.strip();
    if (!catalog.shippedBanks().containsKey(wanted)) {
      throw new UserFacingException(
          "There is no shipped bank called '"
              + wanted
              + "'. Shipped banks: "
              + String.join(", ", catalog.shippedBanks().keySet())
              + ".");
    }
    db.writeVoid(c -> ServerBankRepository.setShipped(c, scope.id(), wanted, enabled));
    catalog.invalidate(scope.id());
  }

  /** A bank's name from its file name: "Docker Notes.md" → "docker-notes". */
  static String nameOf(String fileName) {
    String base = Path.of(fileName).getFileName().toString();
    if (base.toLowerCase(Locale.ROOT).endsWith(".md")) {
      base = base.substring(0, base.length() - 3);
    }
    String slug =
        base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_NAME) {
      slug = slug.substring(0, MAX_NAME).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "bank" : slug;
  }

  /** An id of the new bank that another of the server's banks or a shipped bank already has. */
  private List<BankProblem> clashes(long scopeId, String name, QuestionBank bank) {
    Map<String, String> taken = new HashMap<>();
    catalog
        .serverBanks(scopeId)
        .forEach(
            (other, b) -> {
              if (!other.equals(name)) {
                b.questions().forEach(q -> taken.put(q.id(), other + ".md"));
              }
            });
    List<BankProblem> problems = new ArrayList<>();
    for (Question q : bank.questions()) {
      String owner = taken.get(q.id());
      if (owner == null && catalog.shipped().find(q.id()).isPresent()) {
        owner = "a shipped bank";
      }
      if (owner != null) {
        problems.add(
            new BankProblem(
                q.location().file(),
                q.location().line(),
                "question id "
                    + q.id()
                    + " is already used by "
                    + owner
                    + " — rename this file so its name starts differently"));
      }
    }
    return problems;
  }

  private static List<BankProblem> sorted(List<BankProblem> problems) {
    List<BankProblem> out = new ArrayList<>(problems);
    out.sort(
        Comparator.comparing((BankProblem p) -> p.file().toString())
            .thenComparingInt(BankProblem::line));
    return out;
  }

  private static void requireServer(Scope scope) {
    if (scope.kind() != ScopeKind.GUILD) {
      throw new UserFacingException("Question banks can be uploaded to a server only.");
    }
  }
}
