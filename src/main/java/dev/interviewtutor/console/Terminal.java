package dev.interviewtutor.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The terminal's input and output: word-wrapped lines (80 columns), ANSI colours only when enabled
 * (stdout is a terminal and {@code NO_COLOR} is unset), and multi-line answers ended by an empty
 * line.
 */
public final class Terminal {
  public static final int WIDTH = 80;
  private final BufferedReader in;
  private final PrintStream out;
  private final boolean colour;
  private final boolean echo;

  /**
   * @param echo print what was read (when input is piped rather than typed, so the transcript shows
   *     the answers)
   */
  public Terminal(BufferedReader in, PrintStream out, boolean colour, boolean echo) {
    this.in = in;
    this.out = out;
    this.colour = colour;
    this.echo = echo;
  }

  /** Whether input is typed at a terminal (if not, input is echoed). */
  public static boolean interactive() {
    return System.console() != null;
  }

  /** Colours when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
  public static boolean colourWanted() {
    String noColor = System.getenv("NO_COLOR");
    return System.console() != null && (noColor == null || noColor.isEmpty());
  }

  /** What the person typed for one answer. */
  public sealed interface Input permits Answer, Command, EndOfInput {}

  /** A (possibly multi-line) answer. */
  public record Answer(String text) implements Input {}

  /** {@code :skip}, {@code :hint} or {@code :quit} (lower case, without the colon). */
  public record Command(String name) implements Input {}

  /** stdin closed with nothing typed. */
  public record EndOfInput() implements Input {}

  /**
   * Reads an answer: lines until an empty line (or end of input); a first line starting with ':' is
   * a command. An empty line before anything was typed gets a one-line reminder instead of silence.
   * Terminal control codes (escape sequences, other control characters) are dropped from what was
   * read, so they are neither echoed nor stored.
   */
  public Input readAnswer() {
    out.print(paint("> ", "36"));
    out.flush();
    List<String> lines = new ArrayList<>();
    try {
      while (true) {
        String raw = in.readLine();
        if (raw == null) {
          break;
        }
        String line = withoutControlCodes(raw);
        if (echo) {
          // Piped input: show it, wrapped like everything else (the prompt already took 2 columns).
          wrap(line, WIDTH - 2, "", "  ").forEach(out::println);
        }
        if (lines.isEmpty() && line.strip().startsWith(":")) {
          return new Command(line.strip().substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        if (line.isBlank()) {
          if (lines.isEmpty()) {
            out.println(paint(EMPTY_HINT, "2"));
            out.print(paint("> ", "36"));
            out.flush();
            continue;
          }
          break;
        }
        lines.add(line);
        if (!echo) {
          out.print(paint("  ", "36"));
          out.flush();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty()) {
      return new EndOfInput();
    }
    if (!echo) {
      out.println();
    }
    return new Answer(String.join("\n", lines));
  }

  /** Shown when Enter is pressed on an empty answer. */
  static final String EMPTY_HINT =
      "(Type your answer, then an empty line to send it; :hint, :skip or :quit.)";

  private static final Pattern ESCAPE_SEQUENCE =
      Pattern.compile(
          "\u001b\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor moves, ...
              + "|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?" // OSC: window titles, hyperlinks
              + "|\u001b[@-_]?"); // any other escape
  private static final Pattern CONTROL =
      Pattern.compile("[\\p{Cc}&&[^\t]]|[\u200b\u202a-\u202e\u2066-\u2069]");

  /**
   * A typed line without terminal control codes: escape sequences (colours, cursor moves, titles),
   * other control characters and bidirectional overrides are dropped, tabs become spaces.
   */
  public static String withoutControlCodes(String line) {
    String noEscapes = ESCAPE_SEQUENCE.matcher(line).replaceAll("");
    return CONTROL.matcher(noEscapes).replaceAll("").replace('\t', ' ');
  }

  /**
   * Reads the stream as UTF-8, whatever the locale says (LANG=C must not turn non-ASCII text into
   * '?').
   */
  public static BufferedReader utf8Reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Reads one line (for confirmations); null at end of input. */
  public String readLine(String prompt) {
    out.print(prompt);
    out.flush();
    try {
      String raw = in.readLine();
      String line = raw == null ? null : withoutControlCodes(raw);
      if (echo && line != null) {
        out.println(line);
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void blank() {
    out.println();
  }

  /** Prints text wrapped at {@link #WIDTH} with an indent on every line. */
  public void say(String text) {
    say("", text);
  }

  public void say(String indent, String text) {
    for (String line : wrap(text, WIDTH, indent, indent)) {
      out.println(line);
    }
  }

  /** A bullet: the marker on the first line, continuation lines aligned under the text. */
  public void bullet(String marker, String colourCode, String text) {
    String first = "  " + marker + " ";
    List<String> lines = wrap(text, WIDTH, first, " ".repeat(first.length()));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.println(
          i == 0 ? "  " + paint(marker, colourCode) + line.substring(2 + marker.length()) : line);
    }
  }

  /** Prints a label and a file location whole (never wrapped or cut, so it can be copied). */
  public void location(String label, String location) {
    out.println(paint(label, "2") + " " + location);
  }

  /** Prints a pre-formatted line (a table row) as is, cut at {@link #WIDTH}. */
  public void row(String text) {
    out.println(text.length() <= WIDTH ? text : text.substring(0, WIDTH));
  }

  public void heading(String text) {
    out.println(paint(text, "1"));
  }

  public String bold(String text) {
    return paint(text, "1");
  }

  public String green(String text) {
    return paint(text, "32");
  }

  public String red(String text) {
    return paint(text, "31");
  }

  public String yellow(String text) {
    return paint(text, "33");
  }

  public String dim(String text) {
    return paint(text, "2");
  }

  public PrintStream out() {
    return out;
  }

  private String paint(String text, String code) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  /**
   * Greedy word wrap; paragraphs (newlines) are kept; words longer than the width are not split.
   */
  static List<String> wrap(String text, int width, String firstIndent, String indent) {
    List<String> out = new ArrayList<>();
    boolean first = true;
    for (String paragraph : text.split("\\R", -1)) {
      StringBuilder line = new StringBuilder(first ? firstIndent : indent);
      int base = line.length();
      for (String word : paragraph.strip().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > base && line.length() + 1 + word.length() > width) {
          out.add(line.toString());
          line = new StringBuilder(indent);
          base = line.length();
        }
        if (line.length() > base) {
          line.append(' ');
        }
        line.append(word);
      }
      out.add(line.toString().stripTrailing());
      first = false;
    }
    return out;
  }
}
