package dev.interviewtutor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package may report to ops, so ops depends on none of them (only the shared exception
 * types).
 */
class OpsPackageTest {
  private static final Path OPS = Path.of("src/main/java/dev/interviewtutor/ops");
  private static final Pattern TUTOR_IMPORT =
      Pattern.compile(
          "^import\\s+(?:static\\s+)?(dev\\.interviewtutor\\.[\\w.]+);", Pattern.MULTILINE);
  private static final List<String> ALLOWED = List.of("dev.interviewtutor.UserFacingException");

  @Test
  void ops_imports_no_other_package_of_the_tutor() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.list(OPS)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(
                  f -> {
                    try {
                      Matcher m = TUTOR_IMPORT.matcher(Files.readString(f));
                      return m
                          .results()
                          .map(r -> r.group(1))
                          .filter(
                              i -> !i.startsWith("dev.interviewtutor.ops.") && !ALLOWED.contains(i))
                          .map(i -> f.getFileName() + ": " + i)
                          .toList()
                          .stream();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }
    assertEquals(List.of(), offenders);
  }
}
