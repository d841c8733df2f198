package dev.interviewtutor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Arguments that a non-UTF-8 locale mangled are decoded again from the raw command line, or left
 * alone.
 */
class Utf8ArgumentsTest {
  static final Charset ASCII = StandardCharsets.US_ASCII;

  /** The raw command line as Linux shows it: NUL-terminated entries. */
  static byte[] cmdline(String... entries) {
    return (String.join("\0", entries) + "\0").getBytes(StandardCharsets.UTF_8);
  }

  /** What Java 17 hands to main under LANG=C: each entry decoded as ASCII. */
  static String[] asJavaDecodedThem(String charset, String... args) {
    String[] out = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = new String(args[i].getBytes(StandardCharsets.UTF_8), Charset.forName(charset));
    }
    return out;
  }

  @Test
  void non_ascii_arguments_lost_under_lang_c_are_decoded_again_as_utf8() {
    String[] typed = {"grade", "--question", "71", "--answer", "naïve café ✓"};
    String[] mangled = asJavaDecodedThem("US-ASCII", typed);
    assertTrue(mangled[4].contains("\uFFFD"), "the JVM lost them: " + mangled[4]);

    Optional<String[]> recovered =
        Utf8Arguments.recover(
            mangled,
            ASCII,
            cmdline(
                "java",
                "-Dx=1",
                "-jar",
                "/opt/tutor.jar",
                "grade",
                "--question",
                "71",
                "--answer",
                "naïve café ✓"));

    assertArrayEquals(typed, recovered.orElseThrow());
  }

  @Test
  void latin1_locales_get_the_text_back_too() {
    String[] typed = {"--answer", "über"};
    String[] mangled = asJavaDecodedThem("ISO-8859-1", typed);

    Optional<String[]> recovered =
        Utf8Arguments.recover(
            mangled,
            StandardCharsets.ISO_8859_1,
            cmdline("java", "-jar", "t.jar", "--answer", "über"));

    assertArrayEquals(typed, recovered.orElseThrow());
  }

  @Test
  void a_command_line_that_is_not_these_arguments_is_not_used() {
    String[] mangled = asJavaDecodedThem("US-ASCII", "--answer", "café");

    assertEquals(
        Optional.empty(),
        Utf8Arguments.recover(mangled, ASCII, cmdline("java", "-jar", "t.jar", "@args.txt")),
        "an argument file: fewer entries");
    assertEquals(
        Optional.empty(),
        Utf8Arguments.recover(mangled, ASCII, cmdline("java", "-jar", "t.jar", "--answer", "thé")),
        "other text");
  }

  @Test
  void bytes_that_are_not_utf8_are_left_as_the_locale_decoded_them() {
    byte[] latin1 = {'j', 0, '-', '-', 'a', 0, 'c', 'a', 'f', (byte) 0xE9, 0};
    String[] mangled = {"--a", new String(new byte[] {'c', 'a', 'f', (byte) 0xE9}, ASCII)};

    assertEquals(Optional.empty(), Utf8Arguments.recover(mangled, ASCII, latin1));
  }

  @Test
  void ascii_arguments_and_utf8_locales_are_taken_as_they_are() {
    String[] ascii = {"stats", "--db", "x.db"};
    assertArrayEquals(
        ascii, Utf8Arguments.of(ascii, new java.io.PrintStream(new ByteArrayOutputStream())));
  }
}
