package dev.interviewtutor.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every {@code *.md} bank in a directory and its subfolders (except {@code README.md} and the
 * other files a repository keeps beside its notes), in path order, into one {@link QuestionBank}.
 * All files are read and checked before anything is thrown, so one {@link BankException} lists
 * every problem of every file, sorted by file and line.
 *
 * <p>Question numbers stay the ids ({@code 74}) unless two files use the same number: then that
 * number is qualified in every file involved with the file's namespace ({@code docker/1}, {@code
 * nodejs/1}), so notes whose numbering starts at 1 in every file load side by side (see {@link
 * QuestionIds}).
 */
public final class BankLoader {
  private static final Logger LOG = LoggerFactory.getLogger(BankLoader.class);

  private BankLoader() {}

  /**
   * Loads the banks in {@code dir}; throws {@link BankException} naming every problem when any file
   * is bad.
   */
  public static QuestionBank load(Path dir) {
    return load(dir, Map.of());
  }

  /**
   * Loads the banks in {@code dir}, some of which may be the banks shipped with the program (in
   * {@code shippedDir}, recognised by their file path): a question whose id a loaded shipped bank
   * has, in another file, gets another stable id (its file's namespace, {@code docker/1501}) and a
   * logged warning, so the shipped question keeps its id and its stored progress is never orphaned
   * (without this rule both would be renamed). A directory without the shipped banks keeps its ids
   * as written. Without shipped banks (empty) this is {@link #load(Path)}.
   */
  public static QuestionBank load(Path dir, java.util.Optional<Path> shippedDir) {
    if (shippedDir.isEmpty() || sameDirectory(dir, shippedDir.get())) {
      return load(dir);
    }
    Map<String, String> reserved = new HashMap<>();
    try {
      for (Question q : load(shippedDir.get()).questions()) {
        reserved.put(q.id(), relative(shippedDir.get(), q.location().file()));
      }
    } catch (BankException e) {
      LOG.warn(
          "the shipped banks in {} do not load, so their ids are not reserved: {}",
          shippedDir.get(),
          e.getMessage());
    }
    return load(dir, reserved);
  }

  /**
   * One bank's text, named by its file (for banks that do not come from a directory, such as
   * uploads).
   */
  public record BankText(Path file, String text) {}

  /**
   * Parses banks given as text (an upload) exactly as {@link #load(Path)} parses files of a
   * directory: namespaces from the file names, numbers that two banks share qualified, every
   * problem collected before throwing.
   */
  public static QuestionBank fromTexts(List<BankText> texts) {
    List<BankProblem> problems = new ArrayList<>();
    List<ParsedFile> parsed = new ArrayList<>();
    for (BankText t : texts) {
      parsed.add(new ParsedFile(t.file(), parse(null, t.file(), t.text(), problems)));
    }
    return assemble(null, parsed, Map.of(), problems);
  }

  private static boolean sameDirectory(Path a, Path b) {
    try {
      return a.getFileSystem().equals(b.getFileSystem()) && a.toRealPath().equals(b.toRealPath());
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private static String relative(Path dir, Path file) {
    return (dir == null ? file.getFileName() : dir.relativize(file)).toString().replace('\\', '/');
  }

  private static QuestionBank load(Path dir, Map<String, String> reserved) {
    List<BankProblem> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      String what = Files.exists(dir) ? "is not a directory" : "does not exist";
      throw new BankException(
          List.of(
              new BankProblem(
                  dir,
                  0,
                  "the knowledge directory "
                      + what
                      + " — create it with your *.md banks, or point --knowledge / TUTOR_KNOWLEDGE at it")));
    }
    List<Path> files = bankFiles(dir, problems);
    if (files.isEmpty() && problems.isEmpty()) {
      problems.add(
          new BankProblem(
              dir,
              0,
              "no *.md question banks here — add a bank file such as "
                  + "nodejs-scaling.md (see knowledge/README.md for the format)"));
    }
    List<ParsedFile> parsed = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = decodeUtf8(file, Files.readAllBytes(file), problems);
      } catch (IOException e) {
        problems.add(
            new BankProblem(
                file, 0, "cannot be read (" + e.getMessage() + ") — check its permissions"));
        continue;
      }
      parsed.add(new ParsedFile(file, parse(dir, file, text, problems)));
    }
    // A shipped id is reserved for its shipped bank when that bank is loaded too: then a question
    // of another file
    // with the same id collides with it. A directory that replaces the shipped banks keeps its own
    // ids as written.
    Set<String> loaded = new HashSet<>();
    files.forEach(f -> loaded.add(relative(dir, f)));
    Map<String, String> collidable = new HashMap<>();
    reserved.forEach(
        (id, owner) -> {
          if (loaded.contains(owner)) {
            collidable.put(id, owner);
          }
        });
    QuestionBank bank = assemble(dir, parsed, collidable, problems);
    LOG.debug(
        "Loaded {} questions from {} bank files in {}", bank.questions().size(), files.size(), dir);
    return bank;
  }

  private static QuestionBank assemble(
      Path dir, List<ParsedFile> parsed, Map<String, String> reserved, List<BankProblem> problems) {
    List<Question> questions = new ArrayList<>();
    Map<String, SourceLocation> seen = new HashMap<>();
    for (Question question : qualifyClashingNumbers(dir, parsed, reserved)) {
      SourceLocation first = seen.putIfAbsent(question.id(), question.location());
      if (first != null) {
        problems.add(
            new BankProblem(
                question.location().file(),
                question.location().line(),
                "duplicate question id "
                    + question.id()
                    + " — also defined at "
                    + first
                    + "; give each question its own number"));
      } else {
        questions.add(question);
      }
    }
    if (!problems.isEmpty()) {
      throw new BankException(sorted(problems));
    }
    return new QuestionBank(questions);
  }

  /** Parses one file with its namespace; adds its problems (sorted by line) to {@code problems}. */
  public static MarkdownBankParser.ParseResult parse(
      Path dir, Path file, String text, List<BankProblem> problems) {
    MarkdownBankParser.ParseResult result =
        new MarkdownBankParser().parse(file, text, QuestionIds.namespace(dir, file));
    List<BankProblem> fileProblems = new ArrayList<>(result.problems());
    fileProblems.sort(
        Comparator.comparingInt(BankProblem::line)); // stable: same-line problems keep their order
    problems.addAll(fileProblems);
    return result;
  }

  private record ParsedFile(Path file, MarkdownBankParser.ParseResult result) {}

  /**
   * The questions of all files in order. When an id is used by more than one file, every file that
   * uses it gets it qualified with its namespace ({@code docker/1}), whichever file sorts first, so
   * no file's ids depend on order.
   */
  private static List<Question> qualifyClashingNumbers(
      Path dir, List<ParsedFile> parsed, Map<String, String> reserved) {
    Map<String, Set<Path>> filesById = new HashMap<>();
    for (ParsedFile p : parsed) {
      for (Question q : p.result().questions()) {
        filesById
            .computeIfAbsent(q.id().toLowerCase(Locale.ROOT), n -> new HashSet<>())
            .add(p.file());
      }
    }
    List<Question> out = new ArrayList<>();
    for (ParsedFile p : parsed) {
      String namespace = QuestionIds.namespace(dir, p.file());
      String file = reserved.isEmpty() ? "" : relative(dir, p.file());
      for (Question q : p.result().questions()) {
        String owner = reserved.get(q.id());
        boolean shippedElsewhere = owner != null && !owner.equals(file);
        boolean keep = owner != null && owner.equals(file);
        if (shippedElsewhere) {
          LOG.warn(
              "{}: question id {} belongs to the shipped bank {}; this question is given another id so that"
                  + " progress on the shipped question stays its own",
              q.location(),
              q.id(),
              owner);
        }
        if (shippedElsewhere
            || (!keep && filesById.get(q.id().toLowerCase(Locale.ROOT)).size() > 1)) {
          String id =
              QuestionIds.isBareNumber(q.id())
                  ? QuestionIds.qualifiedNumber(namespace, q.id())
                  : QuestionIds.qualified(namespace, q.id());
          out.add(
              new Question(
                  id,
                  q.title(),
                  q.topic(),
                  q.explanation(),
                  q.sections(),
                  q.examples(),
                  q.tables(),
                  q.tip(),
                  q.location()));
        } else {
          out.add(q);
        }
      }
    }
    return out;
  }

  /** Problems by file (in path order), then line; problems about the directory itself first. */
  static List<BankProblem> sorted(List<BankProblem> problems) {
    List<BankProblem> out = new ArrayList<>(problems);
    out.sort(
        Comparator.comparing((BankProblem p) -> p.file().toString())
            .thenComparingInt(BankProblem::line));
    return out;
  }

  /** Names a notes repository keeps beside its notes that are never question banks. */
  private static final Set<String> NOT_BANKS =
      Set.of(
          "readme.md",
          "contributing.md",
          "changelog.md",
          "license.md",
          "code_of_conduct.md",
          "security.md",
          "summary.md",
          "pull_request_template.md",
          "issue_template.md");

  /**
   * The bank files of a directory and its subfolders: {@code *.md} except {@code README.md} and
   * similar, hidden folders skipped, sorted by path.
   */
  public static List<Path> bankFiles(Path dir, List<BankProblem> problems) {
    try (Stream<Path> entries = Files.walk(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".md") && !NOT_BANKS.contains(name) && !hidden(dir, p);
              })
          .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      problems.add(
          new BankProblem(
              dir,
              0,
              "cannot list the directory (" + e.getMessage() + ") — check its permissions"));
      return List.of();
    }
  }

  private static boolean hidden(Path dir, Path file) {
    for (Path part : dir.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text of a bank file; each line with invalid UTF-8 is added to {@code problems} (see below).
   */
  public static String decode(Path file, byte[] bytes, List<BankProblem> problems) {
    return decodeUtf8(file, bytes, problems);
  }

  /**
   * Decodes UTF-8, reporting each line that holds an invalid byte sequence (once per line) and
   * replacing the bad bytes with U+FFFD so the rest of the file can still be checked.
   */
  static String decodeUtf8(Path file, byte[] bytes, List<BankProblem> problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    int lastReportedLine = -1;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int offset = in.position();
        int line = lineOf(bytes, offset);
        if (line != lastReportedLine) {
          int column = offset - lineStart(bytes, offset) + 1;
          problems.add(
              new BankProblem(
                  file,
                  line,
                  String.format(
                      Locale.ROOT,
                      "invalid UTF-8 (byte 0x%02X at byte %d of the line) — save the file as UTF-8",
                      bytes[offset] & 0xff,
                      column)));
          lastReportedLine = line;
        }
        in.position(offset + result.length());
        out.put('\uFFFD');
      } else {
        break;
      }
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineStart(byte[] bytes, int offset) {
    int i = offset;
    while (i > 0 && bytes[i - 1] != '\n') {
      i--;
    }
    return i;
  }
}
