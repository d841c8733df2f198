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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every {@code *.md} bank in a directory (except {@code README.md}), in file-name order, into one
 * {@link QuestionBank}. All files are read and checked before anything is thrown, so one {@link BankException}
 * lists every problem of every file.
 */
public final class BankLoader {
  private static final Logger LOG = LoggerFactory.getLogger(BankLoader.class);

  private BankLoader() {}

  /** Loads the banks in {@code dir}; throws {@link BankException} naming every problem when any file is bad. */
  public static QuestionBank load(Path dir) {
    List<BankProblem> problems = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      String what = Files.exists(dir) ? "is not a directory" : "does not exist";
      throw new BankException(List.of(new BankProblem(dir, 0, "the knowledge directory " + what
          + " — create it with your *.md banks, or point --knowledge / TUTOR_KNOWLEDGE at it")));
    }
    List<Path> files = bankFiles(dir, problems);
    if (files.isEmpty() && problems.isEmpty()) {
      problems.add(new BankProblem(dir, 0, "no *.md question banks here — add a bank file such as "
          + "nodejs-scaling.md (see knowledge/README.md for the format)"));
    }
    MarkdownBankParser parser = new MarkdownBankParser();
    Map<String, SourceLocation> seen = new HashMap<>();
    for (Path file : files) {
      String text;
      try {
        text = decodeUtf8(file, Files.readAllBytes(file), problems);
      } catch (IOException e) {
        problems.add(new BankProblem(file, 0, "cannot be read (" + e.getMessage() + ") — check its permissions"));
        continue;
      }
      MarkdownBankParser.ParseResult result = parser.parse(file, text);
      List<BankProblem> fileProblems = new ArrayList<>(result.problems());
      fileProblems.sort(Comparator.comparingInt(BankProblem::line)); // stable: same-line problems keep their order
      problems.addAll(fileProblems);
      for (Question question : result.questions()) {
        SourceLocation first = seen.putIfAbsent(question.id(), question.location());
        if (first != null) {
          problems.add(new BankProblem(file, question.location().line(), "duplicate question id " + question.id()
              + " — also defined at " + first + "; give each question its own number"));
        } else {
          questions.add(question);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BankException(problems);
    }
    LOG.debug("Loaded {} questions from {} bank files in {}", questions.size(), files.size(), dir);
    return new QuestionBank(questions);
  }

  /** The bank files of a directory: {@code *.md} except {@code README.md}, sorted by name. */
  public static List<Path> bankFiles(Path dir, List<BankProblem> problems) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(p -> {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".md") && !name.equals("readme.md");
          })
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      problems.add(new BankProblem(dir, 0, "cannot list the directory (" + e.getMessage() + ") — check its permissions"));
      return List.of();
    }
  }

  /**
   * Decodes UTF-8, reporting each line that holds an invalid byte sequence (once per line) and replacing the bad
   * bytes with U+FFFD so the rest of the file can still be checked.
   */
  static String decodeUtf8(Path file, byte[] bytes, List<BankProblem> problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
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
          problems.add(new BankProblem(file, line, String.format(Locale.ROOT,
              "invalid UTF-8 (byte 0x%02X at byte %d of the line) — save the file as UTF-8", bytes[offset] & 0xff,
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
