package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.Lexicon;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Rubric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sibling concepts a question contrasts (no-cache / no-store, stack / heap, merge / rebase) and
 * what the bank says about each: the material for telling a right answer from one that gives one
 * concept's property to its sibling.
 *
 * <p>Why not cosine of whole sentences: "no-store means never stored" and "no-cache means never
 * stored" embed almost identically (measured margins within ±0.03). So subjects are found by name,
 * and claims are compared with the subject held apart: each claim is embedded with its subject
 * replaced by "it".
 *
 * <p>Subjects come from the bank's structure only: the title ("max-age, no-cache and no-store",
 * "Rebase vs Merge", "How does X differ from Y"), the first cell of a labelled table row, the
 * columns of a two-column comparison table, and, when those give fewer than two, inline-code terms
 * that open key points. Nothing topic-specific lives here.
 */
final class Siblings {
  /** A sibling concept: its display name and the stem sequences that name it in text. */
  record Subject(String name, List<List<String>> forms) {}

  /**
   * What the bank says about one subject (subject replaced by "it"), from key point {@code
   * keyPoint}.
   */
  record Claim(int subject, int keyPoint, String text) {}

  /** A run of text about one subject, with the subject replaced by "it". */
  record Segment(int subject, String claim) {}

  static final Siblings NONE = new Siblings(List.of(), List.of());

  /**
   * More names than this are a catalogue (a table of all HTTP methods or compiler options), not
   * siblings; a name per row of a keyed table of up to eight rows still is.
   */
  static final int MAX_SUBJECTS = 8;

  private static final Pattern TITLE_PAIR =
      Pattern.compile(
          "(?i)^(?:what(?:'s| is| are)? (?:the )?differences? between |difference between |compare |comparing )?"
              + "(.+?)(?:\\s+vs\\.?\\s+|\\s+versus\\s+|\\s+differs? from\\s+|\\s+compared (?:to|with)\\s+)(.+?)\\??$");
  private static final Pattern MORE_PAIRS = Pattern.compile("(?i)\\s+(?:vs\\.?|versus)\\s+");
  private static final Pattern TITLE_BETWEEN =
      Pattern.compile("(?i)differences? between (.+?)\\??$");
  private static final Pattern HOW_DIFFER =
      Pattern.compile(
          "(?i)^(?:how|in what ways?) (?:does|do|is|are) (?:an? |the )?(.+?) (?:differ|different) from (.+?)\\??$");
  private static final Pattern LIST_SPLIT =
      Pattern.compile("\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+");
  private static final Pattern YES_NO =
      Pattern.compile("(?i)^(.+?)\\?\\s*:\\s*(yes|no)\\b[,;:]?\\s*(.*)$");

  /** Words joined by hyphens into one: "at-most-once", "read-only". */
  private static final Pattern HYPHENATED = Pattern.compile("\\p{L}+(?:-\\p{L}+)+");

  private static final Pattern SPLIT_CLAIMS = Pattern.compile(";\\s+");

  /** "=N", "=3600", "=<seconds>": a placeholder or number after a name, no part of it. */
  private static final Pattern ASSIGNMENT =
      Pattern.compile("=(?!\\p{L}[\\p{L}-]{2,}(?![\\w<>]))\\S*");

  /** "cleanup.policy=compact": a setting named by its value, a word. */
  private static final Pattern WORD_VALUE = Pattern.compile("=(\\p{L}[\\p{L}-]{2,})$");

  final List<Subject> subjects;
  final List<Claim> claims;

  /** Per claim, the subjects its text names by their own name (see {@link #namedByName}). */
  final List<java.util.Set<Integer>> claimNames;

  private Siblings(List<Subject> subjects, List<Claim> claims) {
    this.subjects = List.copyOf(subjects);
    this.claims = List.copyOf(claims);
    this.claimNames = this.claims.stream().map(c -> namedByName(c.text())).toList();
  }

  boolean present() {
    return subjects.size() >= 2 && !claims.isEmpty();
  }

  /** The subject each key point is about (index into {@link #subjects}), or -1. */
  int[] keyPointSubjects(int keyPoints) {
    int[] out = new int[keyPoints];
    java.util.Arrays.fill(out, -1);
    for (Claim c : claims) {
      if (out[c.keyPoint()] < 0) {
        out[c.keyPoint()] = c.subject();
      } else if (out[c.keyPoint()] != c.subject()) {
        out[c.keyPoint()] = -2; // about several subjects (a comparison row): no single owner
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(out[i], -1);
    }
    return out;
  }

  static Siblings of(Rubric rubric) {
    Map<String, Subject> found = new LinkedHashMap<>();
    List<String> compared = sharedHead(titleSubjects(rubric.question()), rubric);
    if (compared.isEmpty()) {
      compared = titleNamedColumns(rubric);
    }
    for (String name : compared) {
      add(found, name);
    }
    List<String> lastCompared =
        compared.isEmpty() ? List.of() : stems(compared.get(compared.size() - 1));
    String titleHead = lastCompared.size() >= 2 ? lastCompared.get(lastCompared.size() - 1) : "";
    // when the title compares nothing, the thing it asks about ("a commit object") is the topic,
    // not a sibling
    java.util.Set<String> titleStems =
        compared.isEmpty() ? java.util.Set.copyOf(stems(rubric.question())) : java.util.Set.of();
    for (KeyPoint kp : rubric.keyPoints()) {
      if (!"table".equals(kp.origin())) {
        continue;
      }
      int dash = kp.text().indexOf(" — ");
      if (dash > 0) {
        // "Extending — interface: extends; type alias: &": a row of features when the columns are
        // the things the title compares; the columns are the siblings then, not the rows
        if (!columnsAreCompared(kp.text().substring(dash + 3), compared)) {
          add(found, kp.text().substring(0, dash), titleHead);
        }
      } else {
        for (String part : SPLIT_CLAIMS.split(kp.text())) {
          int colon = part.indexOf(": ");
          if (colon > 0) {
            add(found, part.substring(0, colon), titleHead);
          }
        }
      }
    }
    // list items that name a thing and say what it is: "blob (file contents)", "stale-if-error:
    // serves stale ..."
    Map<Integer, String[]> itemClaims = new LinkedHashMap<>();
    Map<String, List<Integer>> itemsByList = new LinkedHashMap<>();
    for (int k = 0; k < rubric.keyPoints().size(); k++) {
      KeyPoint kp = rubric.keyPoints().get(k);
      if (kp.origin().startsWith("section:")) {
        String[] headAndGloss = headAndGloss(withoutContext(kp));
        if (headAndGloss != null) {
          itemClaims.put(k, headAndGloss);
          itemsByList.computeIfAbsent(kp.origin(), o -> new ArrayList<>()).add(k);
        }
      }
    }
    itemsByList.values().removeIf(items -> items.size() < 2);
    // an item that names the topic itself ("commit (tree + parents + metadata)" under a commit
    // question) says what the topic holds: the siblings it names are its parts, not its subject
    java.util.Set<Integer> topicItems = new java.util.HashSet<>();
    for (Map.Entry<Integer, String[]> item : itemClaims.entrySet()) {
      int k = item.getKey();
      if (itemsByList.values().stream().anyMatch(items -> items.contains(k))
          && titleStems.containsAll(stems(item.getValue()[0]))) {
        topicItems.add(k);
      }
    }
    itemClaims
        .keySet()
        .removeIf(
            k ->
                itemsByList.values().stream().noneMatch(items -> items.contains(k))
                    || topicItems.contains(k));
    itemClaims.values().forEach(hg -> add(found, hg[0], titleHead));
    // inline-code terms that open statements ("`git merge` creates ...", "`stale-if-error` serves
    // ..."), when two or
    // more do: the bank then describes them side by side
    Map<String, Subject> openers = new LinkedHashMap<>();
    Map<String, Subject> titleOpeners = new LinkedHashMap<>();
    for (KeyPoint kp : rubric.keyPoints()) {
      String text = withoutContext(kp);
      String longest = "";
      for (String code : rubric.evidenceTerms()) {
        if (text.startsWith(code + " ") && code.length() > longest.length()) {
          longest = code;
        }
      }
      if (!longest.isEmpty() && !"table".equals(kp.origin())) {
        add(titleStems.containsAll(stems(longest)) ? titleOpeners : openers, longest);
        // ... and the one a contrasting clause opens with ("`COPY` only copies files, while `ADD`
        // also extracts archives"): the sentence sets the two side by side
        String contrasted = contrastedOpener(text, longest, rubric.evidenceTerms());
        if (!contrasted.isEmpty()) {
          add(titleStems.containsAll(stems(contrasted)) ? titleOpeners : openers, contrasted);
        }
      }
    }
    // two or more inline-code terms glossed in brackets in one statement ("within `maxSurge` (extra
    // pods above the desired count) and `maxUnavailable` (pods allowed to be missing)"): the bank
    // defines them side by side, and each gloss is what it says of that name
    Map<Integer, List<String[]>> glossed = new LinkedHashMap<>();
    for (int k = 0; k < rubric.keyPoints().size(); k++) {
      KeyPoint kp = rubric.keyPoints().get(k);
      if ("table".equals(kp.origin()) || topicItems.contains(k) || itemClaims.containsKey(k)) {
        continue;
      }
      List<String[]> glosses = inlineGlosses(withoutContext(kp), rubric.evidenceTerms());
      if (glosses.size() >= 2) {
        glossed.put(k, glosses);
        glosses.forEach(g -> add(found, g[0]));
      }
    }
    if (openers.size() >= 2 || found.size() < 2) {
      openers.values().forEach(o -> add(found, o.name()));
    }
    // ... and the title may ask about two of them ("What happens when you call fork() and
    // exec()?"): then they are siblings, not the one topic
    if (titleOpeners.size() >= 2 && found.size() < 2) {
      titleOpeners.values().forEach(o -> add(found, o.name()));
    }
    // the bank sets the asked-about thing beside one sibling ("stale-while-revalidate" and
    // "stale-if-error"): then it
    // is a sibling too
    if (found.size() == 1 && compared.isEmpty()) {
      for (KeyPoint kp : rubric.keyPoints()) {
        for (String code : rubric.evidenceTerms()) {
          if (withoutContext(kp).startsWith(code + " ") && titleStems.containsAll(stems(code))) {
            add(found, code);
          }
        }
      }
    }
    List<Subject> subjects = new ArrayList<>(found.values());
    if (subjects.size() < 2 || subjects.size() > MAX_SUBJECTS) {
      return NONE;
    }
    addSynonymForms(subjects, rubric.questionSynonyms());
    if (subjects.size() < 2) {
      return NONE;
    }
    Siblings partial = new Siblings(subjects, List.of());
    List<Claim> claims = new ArrayList<>();
    for (int k = 0; k < rubric.keyPoints().size(); k++) {
      KeyPoint kp = rubric.keyPoints().get(k);
      String text = kp.text();
      int dash = text.indexOf(" — ");
      if (topicItems.contains(k)) {
        continue;
      }
      if (itemClaims.containsKey(k)) {
        int subject = partial.subjectNamed(itemClaims.get(k)[0]);
        if (subject >= 0) {
          claims.add(new Claim(subject, k, itemClaims.get(k)[1]));
        }
        continue;
      }
      if (glossed.containsKey(k)) {
        for (String[] g : glossed.get(k)) {
          int subject = partial.subjectNamed(g[0]);
          if (subject >= 0) {
            claims.add(new Claim(subject, k, "it is " + g[1]));
          }
        }
        continue;
      }
      if ("table".equals(kp.origin())
          && dash > 0
          && columnsAreCompared(text.substring(dash + 3), compared)) {
        // each column's cell is a claim about that column's thing: "interface: Extending: extends"
        String row = text.substring(0, dash);
        for (String cell : SPLIT_CLAIMS.split(text.substring(dash + 3))) {
          int colon = cell.indexOf(": ");
          int s = colon > 0 ? partial.subjectNamed(cell.substring(0, colon)) : -1;
          if (s >= 0) {
            claims.add(new Claim(s, k, row + ": " + statement(cell.substring(colon + 2))));
          }
        }
        continue;
      }
      if ("table".equals(kp.origin()) && dash > 0) {
        int s = partial.subjectNamed(text.substring(0, dash));
        if (s >= 0) {
          List<String> parts = new ArrayList<>();
          for (String cell : SPLIT_CLAIMS.split(text.substring(dash + 3))) {
            parts.add(statement(cell));
          }
          claims.add(new Claim(s, k, String.join("; ", parts)));
        }
        continue;
      }
      for (String part : SPLIT_CLAIMS.split(withoutContext(kp))) {
        // a cell of a comparison table belongs to its column ("Container: image layers + one
        // writable layer" is about the container, though it names the image)
        int colon = "table".equals(kp.origin()) ? part.indexOf(": ") : -1;
        int column = colon > 0 ? partial.subjectNamed(part.substring(0, colon)) : -1;
        if (column >= 0 && !partial.mentions(part.substring(colon + 2)).isEmpty()) {
          if (Lexicon.tokens(part.substring(colon + 2)).size() >= 2) {
            claims.add(new Claim(column, k, statement(part.substring(colon + 2))));
          }
          continue;
        }
        for (Segment seg : partial.segments(part)) {
          if (Lexicon.tokens(seg.claim()).size() >= 2) {
            claims.add(new Claim(seg.subject(), k, statement(seg.claim())));
          }
        }
      }
    }
    return claims.isEmpty() ? NONE : new Siblings(subjects, claims);
  }

  /**
   * The inline-code term that opens a contrasting clause of a statement opened by {@code opener}
   * ("`COPY` only copies files from the context, while `ADD` also extracts ..." → "ADD"), or "".
   */
  static String contrastedOpener(String text, String opener, List<String> codes) {
    Matcher joint = CONTRAST_JOINT.matcher(text);
    while (joint.find()) {
      if (joint.start() <= opener.length()) {
        continue;
      }
      String rest = text.substring(joint.end()).replaceFirst("(?i)^(?:the|a|an)\\s+", "");
      String longest = "";
      for (String code : codes) {
        if (!code.equals(opener)
            && rest.startsWith(code + " ")
            && code.length() > longest.length()) {
          longest = code;
        }
      }
      if (!longest.isEmpty()) {
        return longest;
      }
    }
    return "";
  }

  /**
   * The inline-code terms of a statement with a gloss in brackets right after them, each as {name,
   * gloss}: "`maxSurge` (extra pods above the desired count)" → {"maxSurge", "extra pods above the
   * desired count"}.
   */
  static List<String[]> inlineGlosses(String text, List<String> codes) {
    List<String[]> out = new ArrayList<>();
    for (String code : codes) {
      Matcher m =
          Pattern.compile("(?<![\\w.])" + Pattern.quote(code) + "\\s+\\(([^()]{3,120})\\)")
              .matcher(text);
      if (m.find() && Lexicon.tokens(m.group(1)).size() >= 2 && !stems(code).isEmpty()) {
        out.add(new String[] {code, m.group(1).strip()});
      }
    }
    return out;
  }

  private static final Pattern PAREN_GLOSS = Pattern.compile("^([^():]{1,40}?)\\s*\\((.{3,})\\)$");

  /** "X: does Y"; also "X (other name): does Y", the other name being a gloss of the label. */
  private static final Pattern COLON_GLOSS =
      Pattern.compile("^([^():—]{1,40}?)(?:\\s*\\([^()]{1,80}\\))?\\s*(?::|—| - )\\s+(.{3,})$");

  /**
   * "blob (file contents)" → {"blob", "file contents"}; "X: does Y" → {"X", "does Y"}; else null.
   */
  private static String[] headAndGloss(String item) {
    for (Pattern p : List.of(PAREN_GLOSS, COLON_GLOSS)) {
      Matcher m = p.matcher(item.strip());
      if (m.matches()
          && Lexicon.tokens(m.group(1)).size() <= 4
          && Lexicon.tokens(m.group(2)).size() >= 2) {
        return new String[] {m.group(1).strip(), m.group(2).strip()};
      }
    }
    return null;
  }

  /**
   * A section bullet's text without the section heading the rubric puts before it ("Object types:
   * blob ...").
   */
  private static String withoutContext(KeyPoint kp) {
    if (!kp.origin().startsWith("section:")) {
      return kp.text();
    }
    String heading = kp.origin().substring("section:".length()).strip();
    String text = kp.text();
    return text.toLowerCase(Locale.ROOT).startsWith(heading.toLowerCase(Locale.ROOT) + ": ")
        ? text.substring(heading.length() + 2)
        : text;
  }

  /**
   * A cell that says whether the column's thing can happen: "Dirty read: prevented", "Phantom read:
   * possible in the standard".
   */
  private static final Pattern ALLOWED_OR_NOT =
      Pattern.compile(
          "(?i)^([^:]{2,40}):\\s*(prevented|blocked|forbidden|disallowed|not allowed|not possible|impossible"
              + "|possible|allowed|permitted)\\b(.*)$");

  /**
   * "May be stored?: no" → "may not be stored"; "Dirty read: prevented" → "prevents dirty read";
   * "Dirty read: possible" → "allows dirty read"; "Column: cell" stays.
   */
  private static String statement(String cell) {
    Matcher allowed = ALLOWED_OR_NOT.matcher(cell.strip());
    if (allowed.matches()) {
      String word = allowed.group(2).toLowerCase(Locale.ROOT);
      boolean denied =
          !(word.equals("possible") || word.equals("allowed") || word.equals("permitted"));
      String rest = allowed.group(3).strip();
      return (denied ? "prevents " : "allows ")
          + lowerFirst(allowed.group(1).strip())
          + (rest.isEmpty() ? "" : " " + rest);
    }
    Matcher m = YES_NO.matcher(cell.strip());
    if (!m.matches()) {
      return cell.strip();
    }
    String head = m.group(1).strip();
    String rest = m.group(3).strip();
    String base = m.group(2).equalsIgnoreCase("yes") ? head : negated(head);
    return rest.isEmpty() ? base : base + ", " + rest;
  }

  private static final Pattern MODAL =
      Pattern.compile("(?i)^(may|can|must|should|is|are|was|were|will|does|do|has|have)\\b(.*)$");

  /**
   * "May be stored" → "may not be stored"; "Reused without asking" → "not reused without asking".
   */
  private static String negated(String head) {
    Matcher m = MODAL.matcher(head);
    return m.matches() ? m.group(1) + " not" + m.group(2) : "not " + lowerFirst(head);
  }

  /**
   * A title's closing "in Python", "in the JVM": where the compared things live, not part of the
   * last one's name.
   */
  private static final Pattern CONTEXT_TAIL =
      Pattern.compile("\\s+in\\s+(?:the\\s+)?\\p{Lu}[\\p{L}\\p{N}.#+]*\\??$");

  static List<String> titleSubjects(String title) {
    // "OAuth 2.0 vs OpenID Connect: What Is the Difference?": the question after the pair is no
    // name
    String t =
        CONTEXT_TAIL
            .matcher(
                title
                    .strip()
                    .replaceAll("`", "")
                    .replaceAll("(?i)[:?]\\s+(?:what|how|which|when|why|who)\\b.*$", ""))
            .replaceAll("");
    Matcher how = HOW_DIFFER.matcher(t);
    if (how.matches()) {
      return List.of(how.group(1), how.group(2));
    }
    Matcher between = TITLE_BETWEEN.matcher(t);
    if (between.find()) {
      return List.of(LIST_SPLIT.split(between.group(1)));
    }
    Matcher pair = TITLE_PAIR.matcher(t);
    if (pair.matches()) {
      List<String> out = new ArrayList<>(List.of(LIST_SPLIT.split(pair.group(1))));
      // "readonly vs const vs as const": three siblings
      for (String right : MORE_PAIRS.split(pair.group(2))) {
        out.addAll(List.of(LIST_SPLIT.split(right)));
      }
      return out;
    }
    return List.of();
  }

  /**
   * A label as a name: without a gloss, "=N" (but "=compact" names the setting), an article or a
   * quantifier ("One task", "All microtasks", "Maybe a rendering update": the thing, not how many)
   * and closing punctuation.
   */
  private static String nameOf(String raw) {
    return ASSIGNMENT
        .matcher(withoutGloss(raw.replace("`", "")))
        .replaceAll("")
        .replaceAll(
            "(?i)^(what (is|are) |a |an |the |one |all |every |each |maybe |both |some |several )+",
            "")
        .replaceAll("[?.!:]+$", "")
        .strip();
  }

  /** Whether the cells of a table row are labelled by the names the title compares. */
  /**
   * The column labels of a table whose rows are features ("Runs — DaemonSet: ...; Job: ...;
   * CronJob: ..."), when the title names every one of them ("When would you use a DaemonSet, a Job
   * or a CronJob?"): the title compares them, though not as "X vs Y".
   */
  private static List<String> titleNamedColumns(Rubric rubric) {
    java.util.Set<String> title = java.util.Set.copyOf(stems(rubric.question()));
    for (KeyPoint kp : rubric.keyPoints()) {
      int dash = kp.text().indexOf(" — ");
      if (!"table".equals(kp.origin()) || dash <= 0) {
        continue;
      }
      List<String> labels = new ArrayList<>();
      for (String cell : SPLIT_CLAIMS.split(kp.text().substring(dash + 3))) {
        int colon = cell.indexOf(": ");
        if (colon <= 0) {
          return List.of();
        }
        List<String> label = stems(nameOf(cell.substring(0, colon)));
        if (label.isEmpty() || !title.containsAll(label)) {
          return List.of();
        }
        labels.add(nameOf(cell.substring(0, colon)));
      }
      return labels.size() >= 2 ? labels : List.of();
    }
    return List.of();
  }

  private static boolean columnsAreCompared(String cells, List<String> compared) {
    if (compared.isEmpty()) {
      return false;
    }
    java.util.Set<List<String>> names = new java.util.HashSet<>();
    compared.forEach(c -> names.add(stems(nameOf(c))));
    for (String cell : SPLIT_CLAIMS.split(cells)) {
      int colon = cell.indexOf(": ");
      if (colon > 0) {
        List<String> label = stems(nameOf(cell.substring(0, colon)));
        if (names.stream()
            .anyMatch(n -> n.equals(label) || endsWith(label, n) || endsWith(n, label))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * "Horizontal vs Vertical Scaling": one-word names before a last name of several words share its
   * head noun ("Horizontal Scaling", "Vertical Scaling").
   */
  private static List<String> sharedHead(List<String> names, Rubric rubric) {
    if (names.size() != 2) {
      return names;
    }
    String last = names.get(names.size() - 1).strip();
    String[] words = last.split("\\s+");
    boolean singleBefore =
        names.subList(0, names.size() - 1).stream()
            .allMatch(n -> n.strip().split("\\s+").length == 1);
    // only "Adjective vs Adjective Noun": "readonly vs const vs as const" and "Enums vs Union of
    // String Literals" share no head
    if (names.size() != 2 || words.length != 2 || !singleBefore) {
      return names;
    }
    String head = words[words.length - 1];
    // only where the bank itself says so ("horizontal scaling"): "Interface vs Abstract Class" does
    // not compare an "interface class"
    String text =
        rubric.keyPoints().stream()
            .map(KeyPoint::text)
            .collect(java.util.stream.Collectors.joining(" "))
            .toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String n : names.subList(0, names.size() - 1)) {
      String joined = n.strip() + " " + head;
      if (!text.contains(joined.toLowerCase(Locale.ROOT))) {
        return names;
      }
      out.add(joined);
    }
    out.add(last);
    return out;
  }

  private static void add(Map<String, Subject> found, String raw) {
    add(found, raw, "");
  }

  /**
   * {@code titleHead}: the stem of the noun the title's last compared name ends with ("delivery" in
   * "At-Most-Once vs At-Least-Once vs Exactly-Once Delivery"): a name without it ("Exactly-once")
   * is that name.
   */
  private static void add(Map<String, Subject> found, String raw, String titleHead) {
    String name = nameOf(raw);
    List<String> stems = stems(name);
    // a name is mostly words ("git add", "no-store"), not a time range or a number ("after 360 s");
    // a version number is one part of a name ("OAuth 2.0", "HTTP/1.1")
    int parts = stems(name.replaceAll("(\\d)\\.(?=\\d)", "$1")).size();
    long words =
        Lexicon.tokens(name).stream()
            .filter(
                t ->
                    t.length() >= 3
                        && t.chars().allMatch(Character::isLetter)
                        && !Lexicon.isStopword(t))
            .count();
    // ... and so is a hyphenated compound ("at-most-once", "read-only"), whatever its words
    words += HYPHENATED.matcher(name).results().mapToLong(r -> r.group().split("-").length).sum();
    // a keyword written in capitals ("WHERE vs HAVING") is a name, though "where" is a stopword
    if (stems.isEmpty() || stems.size() > 4 || words * 2 < parts && !isKeyword(name)) {
      return;
    }
    String key = String.join(" ", stems);
    if (found.containsKey(key)
        || found.values().stream().anyMatch(x -> x.forms().contains(stems))) {
      return; // already named ("Vertical" once "Vertical Scaling" has it as a form)
    }
    // "git merge" and "merge" name one thing: the longer name becomes another form of it
    for (Subject existing : found.values()) {
      List<String> form = existing.forms().get(0);
      if ((endsWith(stems, form)
              || endsWith(form, stems)
              || shortened(stems, form)
              || withGenericHead(stems, form)
              || withGenericHead(form, stems)
              || withHead(form, stems, titleHead))
          && !negatedName(stems, form)) {
        if (!existing.forms().contains(stems)) {
          existing.forms().add(stems);
        }
        return;
      }
    }
    List<List<String>> forms = new ArrayList<>();
    forms.add(stems);
    // "cleanup.policy=compact" is "the compact policy" too: the setting is told apart by its value
    // (the value alone is often a verb: "to delete a key")
    Matcher setting = WORD_VALUE.matcher(name);
    List<String> setName = stems(name.substring(0, Math.max(0, name.indexOf('='))));
    if (setting.find() && !setName.isEmpty()) {
      List<String> valueForm = new ArrayList<>(stems(setting.group(1)));
      valueForm.add(setName.get(setName.size() - 1));
      forms.add(valueForm);
    }
    // "Cache-Control: private" is named "private" too: the part before the colon is the namespace
    // it lives in
    int colon = name.indexOf(':');
    if (colon > 0) {
      List<String> value = stems(name.substring(colon + 1));
      if (!value.isEmpty()
          && value.size() <= 2
          && !(value.size() == 1 && Lexicon.isStopword(value.get(0)))) {
        forms.add(value);
      }
    }
    found.put(key, new Subject(name, forms));
    addDistinguishingForms(found);
  }

  /**
   * A subject is also named by the bank's synonyms for it ("EXPLAIN ANALYZE" / "explain analyse",
   * "young generation" / "new generation"): a clause that names it that way is about it, not about
   * a sibling whose name the synonym happens to start with. A synonym that is another subject's
   * name is left out. Only the question's own synonyms are passed in: the bank-wide merge chains
   * groups of other questions onto a name ("microtask" → "job queue" → "kafka"). A subject named
   * only by an alternative of the group, with the same head noun, is the group's concept, and
   * merges into its subject.
   */
  static void addSynonymForms(List<Subject> subjects, Map<String, List<String>> synonyms) {
    // in key order, as the lexicon folds them: the bank's map has no stable order of its own
    for (Map.Entry<String, List<String>> group :
        synonyms.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      List<List<String>> members = new ArrayList<>();
      members.add(stems(group.getKey()));
      group.getValue().forEach(alt -> members.add(stems(alt)));
      // the group belongs to the one subject it names; when it names several (an alternative that
      // is a sibling's name), to the one it defines
      List<Subject> named =
          subjects.stream().filter(x -> members.stream().anyMatch(x.forms()::contains)).toList();
      List<Subject> all = named;
      if (named.size() > 1) {
        named = named.stream().filter(x -> x.forms().contains(members.get(0))).toList();
      }
      if (named.size() != 1) {
        continue;
      }
      Subject subject = named.get(0);
      // a subject named only by one of the group's alternatives, with the same head noun ("`as`
      // assertion" from a list label, where the bank says "type assertion: cast, as assertion"),
      // is the same concept; "EXPLAIN" listed under "explain analyze" stays a sibling
      List<String> key = members.get(0);
      for (Subject other : all) {
        List<String> name = other.forms().get(0);
        if (other != subject
            && !other.forms().contains(key)
            && !key.isEmpty()
            && name.size() >= 2
            && name.get(name.size() - 1).equals(key.get(key.size() - 1))) {
          subjects.remove(other);
          other.forms().stream()
              .filter(f -> !subject.forms().contains(f))
              .forEach(subject.forms()::add);
        }
      }
      for (List<String> m : members) {
        boolean othersName = subjects.stream().anyMatch(o -> o != subject && o.forms().contains(m));
        if (!m.isEmpty() && m.size() <= 4 && !othersName && !subject.forms().contains(m)) {
          subject.forms().add(m);
        }
      }
    }
  }

  /**
   * One stopword written in capitals ("WHERE", "HAVING"): a keyword, named only when written so
   * ("where the rows ..." is plain English).
   */
  private static boolean isKeyword(String name) {
    return name.length() >= 2
        && name.chars().allMatch(Character::isUpperCase)
        && Lexicon.isStopword(name.toLowerCase(Locale.ROOT));
  }

  /** Nouns that name what kind of thing a name is, and nothing more: "Uncontrolled components". */
  private static final java.util.Set<String> GENERIC_HEADS =
      java.util.Set.of(
          "component",
          "components",
          "type",
          "types",
          "object",
          "objects",
          "mode",
          "modes",
          "pattern",
          "patterns",
          "model",
          "models",
          "approach",
          "strategy",
          "style",
          "method",
          "methods",
          "function",
          "functions");

  /** {@code longer} is {@code shorter} with {@code head} after it. */
  private static boolean withHead(List<String> longer, List<String> shorter, String head) {
    return !head.isEmpty()
        && longer.size() == shorter.size() + 1
        && longer.get(longer.size() - 1).equals(head)
        && longer.subList(0, shorter.size()).equals(shorter);
  }

  /** "Uncontrolled components" is "Uncontrolled" with a generic head noun after it. */
  private static boolean withGenericHead(List<String> longer, List<String> shorter) {
    if (shorter.isEmpty() || longer.size() != shorter.size() + 1) {
      return false;
    }
    String head = longer.get(longer.size() - 1);
    return longer.subList(0, shorter.size()).equals(shorter)
        && GENERIC_HEADS.stream().anyMatch(g -> Lexicon.stem(g).equals(head));
  }

  /**
   * "Union of literals" is "Union of String Literals" shortened: the same first and last word, and
   * every word of the shorter name in the longer one, in order.
   */
  private static boolean shortened(List<String> a, List<String> b) {
    List<String> shorter = a.size() < b.size() ? a : b;
    List<String> longer = a.size() < b.size() ? b : a;
    if (shorter.size() < 2 || shorter.size() == longer.size()) {
      return false;
    }
    if (!shorter.get(0).equals(longer.get(0))
        || !shorter.get(shorter.size() - 1).equals(longer.get(longer.size() - 1))) {
      return false;
    }
    int at = 0;
    for (String w : longer) {
      if (at < shorter.size() && shorter.get(at).equals(w)) {
        at++;
      }
    }
    return at == shorter.size();
  }

  /** "Non-repeatable read" is the opposite of "Repeatable Read", not another name for it. */
  private static boolean negatedName(List<String> a, List<String> b) {
    List<String> longer = a.size() > b.size() ? a : b;
    int extra = Math.abs(a.size() - b.size());
    return longer.subList(0, extra).stream().anyMatch(NEGATING_PREFIXES::contains);
  }

  private static final java.util.Set<String> NEGATING_PREFIXES =
      java.util.Set.of("non", "not", "no", "un", "anti");

  private static boolean endsWith(List<String> longer, List<String> suffix) {
    return longer.size() > suffix.size()
        && longer.subList(longer.size() - suffix.size(), longer.size()).equals(suffix);
  }

  /**
   * Siblings sharing a head noun ("browser cache" / "shared cache") are also named by their
   * distinguishing word alone ("the browser keeps it").
   */
  private static void addDistinguishingForms(Map<String, Subject> found) {
    for (Subject s : found.values()) {
      List<String> full = s.forms().get(0);
      if (full.size() != 2) {
        continue;
      }
      boolean sharedHead =
          found.values().stream()
              .anyMatch(
                  o ->
                      o != s
                          && o.forms().get(0).size() == 2
                          && o.forms().get(0).get(1).equals(full.get(1)));
      List<String> first = List.of(full.get(0));
      if (sharedHead && !s.forms().contains(first) && !Lexicon.isStopword(full.get(0))) {
        s.forms().add(first);
      }
    }
  }

  /** "Consistency (CP)" is the row of "Consistency": a trailing gloss is no part of the name. */
  private static String withoutGloss(String name) {
    return name.strip().replaceAll("\\s*\\([^()]*\\)$", "");
  }

  int subjectNamed(String text) {
    List<String> stems = stems(nameOf(text));
    for (int i = 0; i < subjects.size(); i++) {
      if (subjects.get(i).forms().contains(stems)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The one subject whose name opens a clause of the text ("no-store lets ..."), or -1 (none, or
   * several).
   */
  int openingSubject(String text) {
    java.util.Set<Integer> named = new java.util.HashSet<>();
    segments(text).forEach(seg -> named.add(seg.subject()));
    return named.size() == 1 ? named.iterator().next() : -1;
  }

  /**
   * The runs of a sentence about one subject each. A run starts where a subject's name opens a
   * clause (only function words or an adverb before it since the last comma or joint: "The heap
   * ...", "and no-store ...", "With no-cache ...") and lasts until the next such name; a name
   * inside a clause ("records one tree") is an object, not a new subject. Each run's claim has its
   * opening name replaced by "it". Empty when no clause opens with a subject.
   */
  List<Segment> segments(String sentence) {
    List<int[]> starts = new ArrayList<>();
    int[] previous = null;
    for (int[] m : mentions(sentence)) {
      // (only names that open the clause together: in "Atomicity is all or nothing, consistency
      // means ..." the first name's synonym is what it is, and "consistency" opens a clause)
      if (previous != null
          && starts.contains(previous)
          && COORDINATED.matcher(sentence.substring(previous[1], m[0])).matches()) {
        // "private or no-store", "heap and stack": one claim about both names, so about neither on
        // its own
        starts.remove(previous);
      } else if (previous != null
          && APPOSITIVE.matcher(sentence.substring(previous[1], m[0])).matches()) {
        // "Transform, a duplex where ...": the second name says what the first one is
        previous = m;
        continue;
      } else if (previous != null
          && starts.contains(previous)
          && PREDICATE.matcher(sentence.substring(previous[1], m[0])).matches()) {
        // "exactly-once is at-least-once plus dedup": what the first name is, not a new subject
        previous = m;
        continue;
      } else if (opensClause(sentence, m[0])) {
        starts.add(m);
      }
      previous = m;
    }
    List<Segment> out = new ArrayList<>();
    for (int m = 0; m < starts.size(); m++) {
      int[] start = starts.get(m);
      int to = m + 1 < starts.size() ? starts.get(m + 1)[0] : sentence.length();
      // a contrasting clause ("..., whereas a proxy cache serves everyone") has a subject of its
      // own, named or not
      // ("..., but it has to be revalidated" goes on about the same subject: "it" is not a new one)
      Matcher contrast = CONTRAST_JOINT.matcher(sentence).region(start[1], to);
      while (contrast.find()) {
        if (!SAME_SUBJECT.matcher(sentence).region(contrast.end(), to).lookingAt()) {
          to = contrast.start();
          break;
        }
      }
      String claim = "it" + skipSuffix(sentence, start[1], to);
      out.add(new Segment(start[2], tidy(claim)));
    }
    return out;
  }

  /**
   * A name inside a clause followed by a relative clause about it: "points to a blob that holds the
   * directory structure" says of blob that it holds the directory structure. Not when the relative
   * clause has a subject of its own ("the tree that a commit points to").
   */
  private static final Pattern RELATIVE =
      Pattern.compile(
          "(?i)[`*\"'’)]*\\s*,?\\s*(?:that|which|who)\\s+(?!(?:a|an|the|you|we|i|it|they|he|she|this|these|those|git|your|our|my)\\b)");

  /** A determiner right before a name: "a blob", "the tree", "its parent". */
  private static final Pattern DETERMINED =
      Pattern.compile(
          "(?i)\\b(?:a|an|the|its|their|this|that|each|every|one|another|your|our)\\s+[`*\"'‘(]*$");

  /** Where a relative clause ends: the next punctuation or joint. */
  private static final Pattern RELATIVE_END =
      Pattern.compile("(?i)[,;:.!?()]|\\s+(?:and|but|while|whereas|so|because)\\s+");

  /**
   * {@link #segments} and, for each name that is only an object, the relative clause that says
   * something of it ("a blob that holds the whole directory structure" → blob: "it holds the whole
   * directory structure"). Used on answers, where a swap hides in such clauses as well.
   */
  List<Segment> segmentsWithRelatives(String sentence) {
    List<Segment> out = new ArrayList<>(segments(sentence));
    for (int[] m : mentions(sentence)) {
      if (opensClause(sentence, m[0])) {
        continue;
      }
      Matcher rel = RELATIVE.matcher(sentence).region(m[1], sentence.length());
      // only a name with its own article or determiner: in "a layer built on top of OAuth 2.0 that
      // adds authentication" what adds it is the layer
      if (!rel.lookingAt() || !DETERMINED.matcher(sentence.substring(0, m[0])).find()) {
        continue;
      }
      Matcher end = RELATIVE_END.matcher(sentence).region(rel.end(), sentence.length());
      int to = end.find() ? end.start() : sentence.length();
      String claim = tidy("it " + sentence.substring(rel.end(), to));
      if (Lexicon.tokens(claim).size() >= 3) {
        out.add(new Segment(m[2], claim));
      }
    }
    return out;
  }

  /**
   * What joins two names into one subject: "X or Y", "X and Y", "X/Y", "X, Y", "both X and Y",
   * "either X or Y".
   */
  private static final Pattern COORDINATED =
      Pattern.compile(
          "(?i)[`*\"'’)\\s]*(?:,|/|&|\\bor\\b|\\band\\b|\\bnor\\b|,\\s*(?:and|or)\\b)[`*\"'‘(\\s]*");

  /** Between two names, a copula: "X is Y ...", "X is basically a Y", "X means Y". */
  private static final Pattern PREDICATE =
      Pattern.compile(
          "(?i)[`*\"'’)]*\\s+(?:is|are|means|equals)\\s+(?:(?:just|basically|really|simply|essentially|actually)\\s+)?(?:(?:a|an|the)\\s+)?[`*\"'‘(]*");

  /** Between two names, an appositive: "Transform, a duplex ...", "X, which is a Y ...". */
  private static final Pattern APPOSITIVE =
      Pattern.compile(
          "(?i)[`*\"'’)]*\\s*,\\s*(?:(?:which|that)\\s+(?:is|are)\\s+)?(?:a|an|the)\\s+"
              + "(?:(?:kind|type|sort|special\\s+case)\\s+of\\s+(?:a\\s+|an\\s+)?)?[`*\"'‘(]*");

  /** A clause that refers back to the subject it follows instead of naming a new one. */
  private static final Pattern SAME_SUBJECT =
      Pattern.compile("(?i)\\s*(?:it|it's|its|they|they're|this|that)\\b");

  private static final Pattern CONTRAST_JOINT =
      Pattern.compile(
          "(?i);|,?\\s+(?:whereas|while|unlike|but|however)\\s+|\\s+(?:in contrast|on the other hand)\\b");

  private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[,;:.!?()\"“”]");

  /** A dot inside a dotted name: "process.memoryUsage". */
  private static final Pattern DOTTED = Pattern.compile("(?<=\\w)\\.(?=\\w)");

  /** Words that start a new clause: "... and the heap holds objects". */
  private static final java.util.Set<String> JOINTS =
      java.util.Set.of(
          "and",
          "but",
          "while",
          "whereas",
          "so",
          "then",
          "or",
          "because",
          "since",
          "though",
          "although",
          "whilst",
          "unlike",
          "however");

  /** A verb of choosing that may open a clause about what is chosen ("Pick SSE for ..."). */
  private static final java.util.Set<String> CHOOSING =
      java.util.Set.of("pick", "use", "choose", "prefer");

  private static final java.util.Set<String> NEGATIONS =
      java.util.Set.of("no", "not", "never", "without", "nor");

  private static boolean opensClause(String sentence, int at) {
    // code is not punctuation: "calls iter() on the iterable", "reads obj.next on the iterator"
    String before =
        Lexicon.CALL_ARGUMENTS
            .matcher(DOTTED.matcher(sentence.substring(0, at)).replaceAll("_"))
            .replaceAll("");
    Matcher p = CLAUSE_PUNCTUATION.matcher(before);
    int from = 0;
    while (p.find()) {
      from = p.end();
    }
    List<String> words = Lexicon.tokens(before.substring(from));
    int joint = -1;
    for (int i = 0; i < words.size(); i++) {
      if (JOINTS.contains(words.get(i))) {
        joint = i;
      }
    }
    List<String> lead = words.subList(joint + 1, words.size());
    // "Pick SSE for one-way feeds, WebSockets for chat": what is chosen, and what for
    if (lead.size() == 1 && CHOOSING.contains(lead.get(0))) {
      return true;
    }
    for (String w : lead) {
      // "Don't rebase ..." names the thing to avoid, as a verb: no claim about it follows
      if (!Lexicon.isStopword(w) && !w.endsWith("ly")
          || NEGATIONS.contains(w)
          || w.endsWith("n't")
          || w.endsWith("n’t")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The run's text after its name, without a "=N" glued to the name ("max-age=N makes" → " makes").
   */
  private static String skipSuffix(String sentence, int at, int to) {
    int i = at;
    while (i < to
        && !Character.isWhitespace(sentence.charAt(i))
        && ",;:".indexOf(sentence.charAt(i)) < 0) {
      i++;
    }
    return sentence.substring(i, to);
  }

  /** A reading the bank rules out: 'is not "do not cache":', '≠ "do not cache"'. */
  private static final Pattern DENIED_READING =
      Pattern.compile(
          "(?i)(?:\\bis not|\\bisn't|\\bdoes not mean|\\bdoesn't mean|≠)\\s*[\"“][^\"”]*[\"”]\\s*[:;,—-]*\\s*");

  /** "it means", "it is": the frame of a definition, which says nothing about which subject. */
  private static final Pattern DEFINING_FRAME =
      Pattern.compile("(?i)^it\\s+(?:means|is|are)\\s+(?!not\\b)(?:that\\s+)?");

  /**
   * A claim or a run as the model compares it: without a reading the bank rules out (that reading
   * is what the subject is not, so resembling it is no sign of being about the subject) and without
   * the defining frame "it means" / "it is" (two definitions of anything share it, and the model
   * weighs it: measured, "it means nothing is written to any cache" was nearer "it means check with
   * the server" than "nothing is kept"). Unchanged when nothing would be left.
   */
  static String forComparison(String claim) {
    String c = DENIED_READING.matcher(claim).replaceAll("").strip();
    c = c.replaceFirst("(?i)^it\\s+it\\b", "it");
    c = DEFINING_FRAME.matcher(c).replaceFirst("").strip();
    return Lexicon.tokens(c).isEmpty() ? claim : c;
  }

  private static String tidy(String claim) {
    return claim
        .replaceFirst("^it\\s*[:—-]+\\s*", "it ")
        .replaceAll("(?i)[\\s,;:]+(?:and|while|whereas|but|or)?\\s+(?:the|a|an)\\s*$", "")
        .replaceAll("[\\s,;:]+(?:and|while|whereas|but|or)?[\\s,;:]*$", "")
        .strip();
  }

  /**
   * The subject names in a text: {start char, end char, subject}, in order, longest name first at a
   * position.
   */
  List<int[]> mentions(String text) {
    List<int[]> words = words(text);
    List<String> stems =
        words.stream()
            .map(w -> Lexicon.stem(text.substring(w[0], w[1]).toLowerCase(Locale.ROOT)))
            .toList();
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < stems.size(); ) {
      int best = -1;
      int bestLen = 0;
      for (int s = 0; s < subjects.size(); s++) {
        for (List<String> form : subjects.get(s).forms()) {
          if (form.size() > bestLen
              && i + form.size() <= stems.size()
              && stems.subList(i, i + form.size()).equals(form)
              && !(form.size() == 1 && verbForm(text, words.get(i), subjects.get(s).name()))
              && (!isKeyword(subjects.get(s).name())
                  || isKeyword(text.substring(words.get(i)[0], words.get(i)[1])))) {
            best = s;
            bestLen = form.size();
          }
        }
      }
      if (best >= 0) {
        out.add(new int[] {words.get(i)[0], words.get(i + bestLen - 1)[1], best});
        i += bestLen;
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * The subjects the text names by their own name ("dirty reads" for "Dirty read"), not by a
   * synonym.
   */
  java.util.Set<Integer> namedByName(String text) {
    java.util.Set<Integer> out = new java.util.HashSet<>();
    for (int[] m : mentions(text)) {
      if (stems(text.substring(m[0], m[1]))
          .equals(stems(withoutGloss(subjects.get(m[2]).name())))) {
        out.add(m[2]);
      }
    }
    return out;
  }

  /**
   * Whether a one-word name is said as a verb's past form ("Called as obj.method()" where a sibling
   * is named "call"): the name's own word, not one like it.
   */
  private static boolean verbForm(String text, int[] word, String name) {
    String w = text.substring(word[0], word[1]).toLowerCase(Locale.ROOT);
    return w.endsWith("ed") && !stems(name).isEmpty() && !name.toLowerCase(Locale.ROOT).contains(w);
  }

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

  private static List<int[]> words(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  private static List<String> stems(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(Lexicon.stem(m.group()));
    }
    return out;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
