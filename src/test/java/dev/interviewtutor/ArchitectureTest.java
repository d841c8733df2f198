package dev.interviewtutor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the tutoring core free of front-end and vendor code: JDA lives only in {@code discord}, and
 * the core packages know no LLM vendor client. Checked with ArchUnit on the compiled classes, so
 * every use counts (an import, a fully qualified name, a method parameter, a call), not only import
 * lines.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/interviewtutor");
  private static final String ROOT = "dev.interviewtutor";

  /** JDA (net.dv8tion) is used only in the discord package. */
  static final ArchRule JDA_ONLY_IN_DISCORD =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".discord..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("net.dv8tion..")
          .because("JDA must stay in dev.interviewtutor.discord");

  /** knowledge, practice and store know no LLM vendor client. */
  static final ArchRule CORE_KNOWS_NO_LLM_VENDOR =
      noClasses()
          .that()
          .resideInAnyPackage(ROOT + ".knowledge..", ROOT + ".practice..", ROOT + ".store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.langchain4j.model.openai..",
              "dev.langchain4j.model.ollama..",
              "dev.langchain4j.model.anthropic..",
              "dev.langchain4j.model.googleai..")
          .because("knowledge, practice and store must not use LLM vendor clients");

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void jda_is_used_only_inside_the_discord_package() {
    assertTrue(
        main.stream().anyMatch(c -> c.getPackageName().equals(ROOT + ".discord")),
        "the main classes were imported");
    JDA_ONLY_IN_DISCORD.check(main);
  }

  @Test
  void core_packages_know_nothing_of_llm_vendors() {
    CORE_KNOWS_NO_LLM_VENDOR.check(main);
  }

  @Test
  void a_fully_qualified_jda_name_outside_discord_breaks_the_rule() throws ClassNotFoundException {
    // The fixture has no import of net.dv8tion, only fully qualified names.
    JavaClasses fixture =
        new ClassFileImporter()
            .importClasses(Class.forName(ROOT + ".architecture.FullyQualifiedJdaUse"));

    AssertionError failure =
        assertThrows(AssertionError.class, () -> JDA_ONLY_IN_DISCORD.check(fixture));

    assertTrue(failure.getMessage().contains("FullyQualifiedJdaUse"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("net.dv8tion.jda.api.entities.User"), failure.getMessage());
  }

  @Test
  void every_package_says_what_lives_there() throws IOException {
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      List<Path> packages =
          dirs.filter(Files::isDirectory)
              .filter(d -> !d.equals(MAIN))
              .filter(d -> hasJava(d))
              .toList();
      assertTrue(packages.size() >= 5, "expected the documented packages, found " + packages);
      List<String> missing =
          packages.stream()
              .filter(d -> !Files.exists(d.resolve("package-info.java")))
              .map(Path::toString)
              .toList();
      assertEquals(List.of(), missing, "packages without package-info.java");
    }
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
