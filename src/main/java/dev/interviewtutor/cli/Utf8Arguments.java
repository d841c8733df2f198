package dev.interviewtutor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Command-line arguments as the person typed them when the locale is not UTF-8. Java 17 decodes
 * {@code argv} with the locale's charset ({@code sun.jnu.encoding}, which {@code -D} cannot
 * change): under {@code LANG=C} every non-ASCII byte of {@code --answer "naïve café"} becomes
 * U+FFFD before {@code main} runs. On Linux the bytes are still in {@code /proc/self/cmdline}; when
 * they are valid UTF-8 and the locale's charset decodes them to exactly the arguments {@code main}
 * got, they are decoded again as UTF-8. Elsewhere (no {@code /proc}) a lost character gets a
 * warning naming the fix instead.
 */
public final class Utf8Arguments {
  private static final Path CMDLINE = Path.of("/proc/self/cmdline");

  private Utf8Arguments() {}

  /**
   * The process's arguments, recovered as UTF-8 when the locale lost characters; warns on {@code
   * err} otherwise.
   */
  public static String[] of(String[] args, PrintStream err) {
    Charset platform = platformCharset();
    if (platform.equals(StandardCharsets.UTF_8)
        || Arrays.stream(args).allMatch(Utf8Arguments::ascii)) {
      return args;
    }
    Optional<byte[]> cmdline;
    try {
      cmdline =
          Files.isReadable(CMDLINE) ? Optional.of(Files.readAllBytes(CMDLINE)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      cmdline = Optional.empty();
    }
    Optional<String[]> recovered = cmdline.flatMap(bytes -> recover(args, platform, bytes));
    if (recovered.isPresent()) {
      return recovered.get();
    }
    if (Arrays.stream(args).anyMatch(a -> a.indexOf('\uFFFD') >= 0)) {
      err.println(
          "Warning: the locale's character set ("
              + platform
              + ") cannot hold some characters of the "
              + "command line, and they were lost. Run with a UTF-8 locale (LC_ALL=C.UTF-8) or through bin/tutor.");
    }
    return args;
  }

  /**
   * {@code args} decoded again from the raw command line ({@code cmdline}: NUL-terminated entries,
   * the program's arguments last) as UTF-8, or empty when the entries are not valid UTF-8 or are
   * not what {@code platform} made of them (then they are not these arguments: an argument file, a
   * launcher that rewrote them).
   */
  static Optional<String[]> recover(String[] args, Charset platform, byte[] cmdline) {
    List<byte[]> entries = split(cmdline);
    if (entries.size() < args.length) {
      return Optional.empty();
    }
    List<byte[]> tail = entries.subList(entries.size() - args.length, entries.size());
    String[] out = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      byte[] raw = tail.get(i);
      if (!new String(raw, platform).equals(args[i])) {
        return Optional.empty();
      }
      try {
        out[i] =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw))
                .toString();
      } catch (CharacterCodingException notUtf8) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  private static List<byte[]> split(byte[] cmdline) {
    List<byte[]> entries = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        entries.add(Arrays.copyOfRange(cmdline, start, i));
        start = i + 1;
      }
    }
    if (start < cmdline.length) {
      entries.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
    }
    return entries;
  }

  private static Charset platformCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (RuntimeException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  private static boolean ascii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }
}
