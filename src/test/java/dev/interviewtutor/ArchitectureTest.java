package dev.interviewtutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the tutoring core free of front-end and vendor code: JDA lives only in {@code discord}. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/interviewtutor");
  private static final Pattern JDA_IMPORT = Pattern.compile("^import\\s+(static\\s+)?net\\.dv8tion\\.", Pattern.MULTILINE);
  private static final Pattern LLM_VENDOR_IMPORT =
      Pattern.compile("^import\\s+(static\\s+)?dev\\.langchain4j\\.model\\.(openai|ollama|anthropic|googleai)", Pattern.MULTILINE);

  @Test
  void jda_is_imported_only_inside_the_discord_package() throws IOException {
    List<String> offenders = sourcesOutside("discord").filter(f -> matches(f, JDA_IMPORT)).map(Path::toString).toList();
    assertEquals(List.of(), offenders, "JDA must stay in dev.interviewtutor.discord");
  }

  @Test
  void core_packages_know_nothing_of_llm_vendors() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = javaFiles(MAIN)) {
      offenders = files
          .filter(f -> isIn(f, "knowledge") || isIn(f, "practice") || isIn(f, "store"))
          .filter(f -> matches(f, LLM_VENDOR_IMPORT))
          .map(Path::toString)
          .toList();
    }
    assertEquals(List.of(), offenders, "knowledge, practice and store must not import LLM vendor clients");
  }

  @Test
  void every_package_says_what_lives_there() throws IOException {
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      List<Path> packages = dirs.filter(Files::isDirectory)
          .filter(d -> !d.equals(MAIN))
          .filter(d -> hasJava(d))
          .toList();
      assertTrue(packages.size() >= 5, "expected the documented packages, found " + packages);
      List<String> missing = packages.stream()
          .filter(d -> !Files.exists(d.resolve("package-info.java")))
          .map(Path::toString)
          .toList();
      assertEquals(List.of(), missing, "packages without package-info.java");
    }
  }

  private static Stream<Path> sourcesOutside(String pkg) throws IOException {
    return javaFiles(MAIN).filter(f -> !isIn(f, pkg)).toList().stream();
  }

  private static Stream<Path> javaFiles(Path root) throws IOException {
    return Files.walk(root).filter(f -> f.toString().endsWith(".java"));
  }

  private static boolean isIn(Path file, String pkg) {
    return MAIN.relativize(file).startsWith(pkg);
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean matches(Path file, Pattern pattern) {
    try {
      return pattern.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
