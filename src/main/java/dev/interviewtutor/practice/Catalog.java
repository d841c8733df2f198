package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.BankException;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionIds;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.ServerBankRepository;
import dev.interviewtutor.store.ServerBankRepository.StoredBank;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which questions each place sees. The shipped banks (the knowledge directory, re-read by {@link
 * #reloadShipped}) are seen everywhere; a Discord server also sees its own uploaded banks and not
 * the shipped banks it switched off. Looking a question up by id works whatever the place: ids are
 * unique across all of them (a server's questions live in its namespace, {@code s12/docker/74}), so
 * stored progress, open interviews and daily posts always find their question, or the "removed from
 * the bank" stand-in when it is gone. Thread-safe; a server's view is read from the database once
 * and kept until that server's banks change.
 */
public final class Catalog {
  private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);
  private static final Pattern SERVER_ID = Pattern.compile("s(\\d+)/.+");

  private final Database db;
  private volatile Shipped shipped;
  private final Map<Long, ServerView> servers = new ConcurrentHashMap<>();

  Catalog(QuestionBank bank, Function<Question, Rubric> rubrics, Database db) {
    this.db = db;
    this.shipped = new Shipped(bank, rubrics);
  }

  /** The shipped banks (the knowledge directory) as loaded now. */
  public QuestionBank shipped() {
    return shipped.bank;
  }

  /**
   * The shipped banks' names ({@code java} for {@code java.md}) with their question counts, in bank
   * order.
   */
  public Map<String, Integer> shippedBanks() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Question q : shipped.bank.questions()) {
      out.merge(shipped.bankOf.get(q.id()), 1, Integer::sum);
    }
    return out;
  }

  /**
   * The questions seen in a place: a server's view for a Discord server, the shipped banks anywhere
   * else.
   */
  public QuestionBank visible(Scope scope) {
    return scope == null || scope.kind() != ScopeKind.GUILD
        ? shipped.bank
        : server(scope.id()).visible;
  }

  /**
   * The questions seen in the place with this scope id (a server's view; shipped banks for other
   * places).
   */
  QuestionBank visible(long scopeId) {
    return server(scopeId).visible;
  }

  /** A server's own banks, parsed as stored (names in order, each with its questions). */
  Map<String, QuestionBank> serverBanks(long scopeId) {
    return server(scopeId).own;
  }

  /** The shipped bank names a server switched off. */
  Set<String> shippedOff(long scopeId) {
    return server(scopeId).off;
  }

  /** Any question by id, whichever place it belongs to; empty when no bank has it (any more). */
  public Optional<Question> find(String id) {
    Question shippedQuestion = shipped.byId.get(id);
    if (shippedQuestion != null) {
      return Optional.of(
          shippedQuestion); // first: a knowledge file may be named like a server namespace
    }
    Matcher m = SERVER_ID.matcher(id);
    if (m.matches()) {
      try {
        return server(Long.parseLong(m.group(1))).find(id);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The question's rubric, computed once per version of its bank. */
  Rubric rubric(Question question) {
    Matcher m = SERVER_ID.matcher(question.id());
    if (m.matches() && !shipped.byId.containsKey(question.id())) {
      ServerView view = server(Long.parseLong(m.group(1)));
      return view.cache.computeIfAbsent(question.id(), id -> view.rubrics.apply(question));
    }
    Shipped s = shipped;
    return s.cache.computeIfAbsent(question.id(), id -> s.rubrics.apply(question));
  }

  /**
   * Position for "bank order": shipped questions first in file order, then a server's own in upload
   * order.
   */
  int order(String id) {
    Integer i = shipped.order.get(id);
    if (i != null) {
      return i;
    }
    Matcher m = SERVER_ID.matcher(id);
    if (m.matches()) {
      Integer own = server(Long.parseLong(m.group(1))).order.get(id);
      if (own != null) {
        return shipped.order.size() + own;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * Replaces the shipped banks (the knowledge directory was read again). Open interviews and stored
   * progress go on: they look their questions up by id, and a question no longer there is shown as
   * removed.
   */
  public void reloadShipped(QuestionBank bank, Function<Question, Rubric> rubrics) {
    shipped = new Shipped(bank, rubrics);
    servers.clear(); // each view includes the shipped questions
  }

  /**
   * Forgets a server's view so the next look-up reads its banks again (after an upload, removal or
   * switch).
   */
  void invalidate(long scopeId) {
    servers.remove(scopeId);
  }

  /**
   * Parses a server's stored bank into questions with server ids; throws {@link BankException} with
   * every problem. The bank's own ids go behind the server's and the bank's namespace ({@code
   * s12/docker/74}).
   */
  static QuestionBank parseServerBank(long scopeId, String name, String content) {
    QuestionBank parsed =
        BankLoader.fromTexts(List.of(new BankLoader.BankText(Path.of(name + ".md"), content)));
    String namespace = QuestionIds.serverNamespace(scopeId) + "/" + idPart(name);
    List<Question> mapped = new ArrayList<>();
    for (Question q : parsed.questions()) {
      mapped.add(
          new Question(
              QuestionIds.inServer(namespace, q.id()),
              q.title(),
              q.topic(),
              q.explanation(),
              q.sections(),
              q.examples(),
              q.tables(),
              q.tip(),
              q.location()));
    }
    return new QuestionBank(mapped);
  }

  /**
   * The part of a bank name that goes into its question ids (short: ids are at most 21 characters).
   */
  static String idPart(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    return slug.isEmpty() ? "b" : slug.substring(0, Math.min(6, slug.length()));
  }

  private ServerView server(long scopeId) {
    return servers.computeIfAbsent(scopeId, this::load);
  }

  private ServerView load(long scopeId) {
    if (db == null) {
      return new ServerView(shipped, Map.of(), Set.of());
    }
    List<StoredBank> stored = db.read(c -> ServerBankRepository.banks(c, scopeId));
    Set<String> off = db.read(c -> ServerBankRepository.shippedOff(c, scopeId));
    Map<String, QuestionBank> own = new LinkedHashMap<>();
    for (StoredBank b : stored) {
      try {
        own.put(b.name(), parseServerBank(scopeId, b.name(), b.content()));
      } catch (BankException e) {
        // Valid when uploaded; a later parser may read it differently. The server keeps its other
        // banks.
        LOG.warn(
            "server bank '{}' of scope {} no longer loads and is left out until uploaded again: {}",
            b.name(),
            scopeId,
            e.getMessage());
      }
    }
    return new ServerView(shipped, own, off);
  }

  /** The shipped banks with what is derived from them. */
  private static final class Shipped {
    final QuestionBank bank;
    final Function<Question, Rubric> rubrics;
    final Map<String, Rubric> cache = new ConcurrentHashMap<>();
    final Map<String, Question> byId = new HashMap<>();
    final Map<String, Integer> order = new HashMap<>();
    final Map<String, String> bankOf = new HashMap<>();

    Shipped(QuestionBank bank, Function<Question, Rubric> rubrics) {
      this.bank = bank;
      this.rubrics = rubrics;
      for (int i = 0; i < bank.questions().size(); i++) {
        Question q = bank.questions().get(i);
        byId.put(q.id(), q);
        order.put(q.id(), i);
        bankOf.put(q.id(), bankName(q));
      }
    }
  }

  /** The name a shipped bank goes by on Discord: its file name without {@code .md}. */
  static String bankName(Question q) {
    if (q.location() == null
        || q.location().file() == null
        || q.location().file().getFileName() == null) {
      return "bank";
    }
    String file = q.location().file().getFileName().toString();
    return file.toLowerCase(Locale.ROOT).endsWith(".md")
        ? file.substring(0, file.length() - 3)
        : file;
  }

  /** One server's view: the shipped banks it keeps on, then its own banks. */
  private static final class ServerView {
    final Map<String, QuestionBank> own;
    final Set<String> off;
    final QuestionBank visible;
    final Map<String, Question> ownById = new HashMap<>();
    final Map<String, Integer> order = new HashMap<>();
    final Function<Question, Rubric> rubrics;
    final Map<String, Rubric> cache = new ConcurrentHashMap<>();

    ServerView(Shipped shipped, Map<String, QuestionBank> own, Set<String> off) {
      this.own = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(own));
      this.off = Set.copyOf(off);
      List<Question> ownQuestions = new ArrayList<>();
      own.values().forEach(b -> ownQuestions.addAll(b.questions()));
      for (int i = 0; i < ownQuestions.size(); i++) {
        ownById.put(ownQuestions.get(i).id(), ownQuestions.get(i));
        order.put(ownQuestions.get(i).id(), i);
      }
      List<Question> all = new ArrayList<>();
      for (Question q : shipped.bank.questions()) {
        if (!off.contains(shipped.bankOf.get(q.id()))) {
          all.add(q);
        }
      }
      all.addAll(ownQuestions);
      this.visible = new QuestionBank(all);
      QuestionBank ownBank = new QuestionBank(ownQuestions);
      this.rubrics = QuestionRubrics.builderFor(ownBank);
    }

    Optional<Question> find(String id) {
      return Optional.ofNullable(ownById.get(id));
    }
  }
}
