package dev.interviewtutor.knowledge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Question ids. A numbered question keeps its number ({@code 74}), so stored progress of the
 * seed-format banks stays valid. Numbers that another file uses too get the bank's namespace
 * ({@code docker/1}, the namespace being the file's path in the knowledge directory as a short
 * slug). Numbering that restarts in every group of a file gives {@code group-N} ({@code
 * express-1}). An unnumbered question gets a slug of its heading and four hex digits of a hash of
 * namespace and heading ({@code k-means-1a2b}): stable when other questions move or change,
 * distinct across files.
 *
 * <p>Ids are at most {@value #MAX_ID} characters and free of {@code ':'}: Discord component ids
 * carry them, at most 100 characters in all, and the longest ({@code v1:review:<20-digit
 * user>:submit:<id>:<topic of up to 40>}) leaves 21 for the id.
 */
public final class QuestionIds {
  private QuestionIds() {}

  public static final int MAX_ID = 21;
  static final int NAMESPACE_CHARS = 12;
  static final int SLUG_CHARS = 14;
  static final int GROUP_CHARS = 10;
  private static final Set<String> FILLER =
      Set.of(
          "what",
          "is",
          "are",
          "the",
          "a",
          "an",
          "how",
          "do",
          "does",
          "you",
          "of",
          "in",
          "and",
          "to",
          "why",
          "when",
          "can",
          "we",
          "i",
          "explain",
          "describe",
          "between",
          "s",
          "your",
          "would");

  /**
   * The namespace of a bank: its path below the knowledge directory without {@code .md}, as a short
   * slug.
   */
  public static String namespace(Path dir, Path file) {
    Path relative = dir == null ? file.getFileName() : dir.relativize(file);
    String text = relative.toString().replace('\\', '/');
    if (text.toLowerCase(Locale.ROOT).endsWith(".md")) {
      text = text.substring(0, text.length() - 3);
    }
    String slug = slug(text, false);
    if (slug.isEmpty()) {
      slug = "bank";
    }
    if (slug.length() <= NAMESPACE_CHARS) {
      return slug;
    }
    // a long name or deep path: the file's own name, cut, and a hash of the whole path so names
    // stay distinct
    String stem = slug(text.substring(text.lastIndexOf('/') + 1), false);
    return cut(stem.isEmpty() ? slug : stem, NAMESPACE_CHARS - 5) + "-" + hash(text, 4);
  }

  /**
   * A file-name-safe slug of a topic or name ("Node.js Basics" → "node-js-basics"), at most 40
   * characters.
   */
  public static String namespaceSlug(String text) {
    String slug = slug(text, false);
    return slug.isEmpty() ? "notes" : cut(slug, 40);
  }

  /**
   * The id of an unnumbered question: a slug of its heading and a hash of namespace and heading.
   */
  public static String unnumbered(String namespace, String heading) {
    String full = slug(heading, true);
    if (full.isEmpty()) {
      full = slug(heading, false);
    }
    String base = full.isEmpty() ? "q" : cut(full, SLUG_CHARS);
    return base + "-" + hash(namespace + "\n" + heading.strip().toLowerCase(Locale.ROOT), 4);
  }

  /**
   * The id of question {@code number} in a group of a file whose numbering restarts in every group.
   */
  static String grouped(String group, String number) {
    String slug = cut(slug(group, false), GROUP_CHARS);
    return (slug.isEmpty() ? "g" : slug) + "-" + number;
  }

  /** A number qualified with its bank's namespace, for numbers that another file uses too. */
  static String qualifiedNumber(String namespace, String number) {
    return namespace + "/" + number;
  }

  /** Any other id that another file uses too, made distinct with a hash of its namespace. */
  static String qualified(String namespace, String id) {
    return id + "-" + hash(namespace, 4);
  }

  /**
   * Lower-case words joined by '-', accents removed; with {@code dropFiller}, question words are
   * left out.
   */
  static String slug(String text, boolean dropFiller) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    List<String> words = new ArrayList<>();
    for (String word : ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!word.isEmpty() && !(dropFiller && FILLER.contains(word))) {
        words.add(word);
      }
    }
    return String.join("-", words);
  }

  private static String cut(String slug, int max) {
    if (slug.length() <= max) {
      return slug;
    }
    int dash = slug.lastIndexOf('-', max);
    return (dash > max / 2 ? slug.substring(0, dash) : slug.substring(0, max))
        .replaceAll("-+$", "");
  }

  static String hash(String text, int hexDigits) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexDigits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The id of a question of a server's own bank: its id in the bank, behind the server's namespace
   * ({@code s12/74}), so it never equals a shipped id (no shipped id has a namespace of this form
   * unless a file in the knowledge directory is named like one, and uploads are checked against the
   * shipped ids) nor another server's. Too long for {@link #MAX_ID}: cut, with a hash of the whole
   * bank id so it stays distinct and stable.
   */
  public static String inServer(String serverNamespace, String bankId) {
    String prefix = serverNamespace + "/";
    if (prefix.length() + bankId.length() <= MAX_ID) {
      return prefix + bankId;
    }
    int room = MAX_ID - prefix.length() - 5;
    String head = bankId.substring(0, Math.max(1, room)).replaceAll("[-/]+$", "");
    return prefix + head + "-" + hash(bankId, 4);
  }

  /** The namespace of one server's own banks: {@code s} and the server's scope id. */
  public static String serverNamespace(long scopeId) {
    return "s" + scopeId;
  }

  /** Whether an id is a bare question number as written in the bank ({@code 74}, {@code 71a}). */
  public static boolean isBareNumber(String id) {
    return id.matches("\\d+[A-Za-z]?");
  }
}
