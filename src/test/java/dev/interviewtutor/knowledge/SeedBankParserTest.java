package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real user's seed bank, parsed verbatim: every question, bullet, code example, table and tip.
 */
class SeedBankParserTest {
  static final Path SEED = Path.of("src/test/resources/seeds/interview-questions-71-80.md");

  private static MarkdownBankParser.ParseResult result;
  private static Map<String, Question> byId;

  @BeforeAll
  static void parseSeed() throws IOException {
    result = new MarkdownBankParser().parse(SEED, Files.readString(SEED, StandardCharsets.UTF_8));
    byId = result.questions().stream().collect(Collectors.toMap(Question::id, q -> q));
  }

  @Test
  void should_parse_the_seed_without_problems() {
    assertEquals(List.of(), result.problems());
  }

  @Test
  void should_find_ten_questions_with_ids_71_to_80_in_order() {
    assertEquals(
        List.of("71", "72", "73", "74", "75", "76", "77", "78", "79", "80"),
        result.questions().stream().map(Question::id).toList());
  }

  @Test
  void should_read_every_title_including_no_space_and_no_hash_headings() {
    assertEquals("How Does Node.js Scale?", q("71").title());
    assertEquals("What Are Worker Threads?", q("72").title());
    assertEquals("When Would You Use Worker Threads?", q("73").title());
    assertEquals("What Is Backpressure in Node.js?", q("74").title());
    assertEquals("What Causes Memory Leaks in Node.js?", q("75").title());
    assertEquals("How Do You Detect Memory Leaks?", q("76").title());
    assertEquals("What Is Garbage Collection in V8?", q("77").title());
    assertEquals("Heap vs Stack", q("78").title());
    assertEquals("How Do You Optimize Node.js Performance?", q("79").title());
    assertEquals("How Do You Handle High Traffic in Node.js?", q("80").title());
  }

  @Test
  void should_record_where_each_question_starts() {
    assertEquals(1, q("71").location().line());
    assertEquals(SEED, q("71").location().file());
    assertEquals(126, q("77").location().line());
    assertEquals(154, q("79").location().line());
  }

  @Test
  void should_take_the_topic_from_the_file_name_when_there_is_no_front_matter() {
    assertEquals("interview-questions-71-80", result.topic());
    result.questions().forEach(q -> assertEquals("interview-questions-71-80", q.topic()));
  }

  @Test
  void should_read_the_explanations_without_bold_label_sections() {
    assertEquals(
        "Node.js scales using process-level and infrastructure-level techniques, not threads per request.",
        q("71").explanation());
    assertEquals(
        "Worker Threads allow Node.js to run JavaScript in parallel threads.",
        q("72").explanation());
    assertEquals(
        "Backpressure occurs when a stream produces data faster than it can be consumed.",
        q("74").explanation());
    assertEquals("Garbage Collection frees unused memory automatically.", q("77").explanation());
    for (String id : List.of("73", "75", "76", "78", "79", "80")) {
      assertEquals("", q(id).explanation(), "question " + id + " has no explanation");
    }
  }

  @Test
  void should_read_every_section_with_every_bullet() {
    assertSections(
        "71",
        section(
            "Scaling Methods",
            Section.Kind.HEADING,
            "",
            "Clustering (multiple processes)",
            "Load balancing",
            "Horizontal scaling",
            "Stateless APIs"));
    assertSections(
        "72",
        section(
            "Used for",
            Section.Kind.BOLD_LABEL,
            "Explanation",
            "CPU-intensive tasks",
            "Cryptography",
            "Data processing"));
    assertSections(
        "73",
        section(
            "Use Cases",
            Section.Kind.HEADING,
            "",
            "Image processing",
            "PDF generation",
            "Encryption/decryption",
            "ML computations"),
        new Section(
            "Bad Use Case",
            Section.Kind.HEADING,
            "",
            List.of(),
            List.of("❌ I/O operations (Node already handles this well)")));
    assertSections("74");
    assertSections(
        "75",
        section(
            "Common Causes",
            Section.Kind.HEADING,
            "",
            "Global variables",
            "Event listeners not removed",
            "Closures holding references",
            "Timers not cleared"));
    assertSections(
        "76",
        section(
            "Tools",
            Section.Kind.HEADING,
            "",
            "Chrome DevTools",
            "`--inspect`",
            "Heap snapshots",
            "`process.memoryUsage()`"));
    assertSections(
        "77",
        section(
            "Types",
            Section.Kind.BOLD_LABEL,
            "Explanation",
            "Minor GC (young generation)",
            "Major GC (old generation)"));
    assertSections("78");
    assertSections(
        "79",
        section(
            "Techniques",
            Section.Kind.HEADING,
            "",
            "Use async I/O",
            "Avoid blocking code",
            "Use caching (Redis)",
            "Stream large data",
            "Cluster processes"));
    assertSections(
        "80",
        section(
            "Strategy",
            Section.Kind.HEADING,
            "",
            "Load balancer",
            "Caching layer",
            "Queue system",
            "Horizontal scaling"));
  }

  @Test
  void should_find_sections_by_heading_ignoring_case_and_colon() {
    assertEquals("Used for", q("72").section("used for:").orElseThrow().heading());
    assertTrue(q("72").section("Explanation").isEmpty());
  }

  @Test
  void should_read_each_code_example_with_its_heading() {
    assertEquals(
        List.of(new CodeExample("Example", "", "// PM2 cluster mode\npm2 start app.js -i max")),
        q("71").examples());
    assertEquals(
        List.of(
            new CodeExample(
                "Example",
                "",
                "import { Worker } from \"worker_threads\";\n\nnew Worker(\"./worker.js\");")),
        q("72").examples());
    assertEquals(List.of(), q("73").examples());
    assertEquals(
        List.of(
            new CodeExample(
                "Example", "", "readable.pipe(writable); // auto backpressure handling")),
        q("74").examples());
    assertEquals(
        List.of(new CodeExample("Example (Bad)", "", "global.users.push(user);")),
        q("75").examples());
    assertEquals(
        List.of(new CodeExample("Example", "", "console.log(process.memoryUsage());")),
        q("76").examples());
    assertEquals(List.of(), q("77").examples());
    assertEquals(List.of(), q("78").examples());
    assertEquals(
        List.of(new CodeExample("Example", "", "await redis.get(key);")), q("79").examples());
    assertEquals(
        List.of(
            new CodeExample(
                "Example Architecture", "", "Client → Load Balancer → Node Cluster → Redis → DB")),
        q("80").examples());
  }

  @Test
  void should_read_the_heap_and_stack_table() {
    assertEquals(
        List.of(
            new MarkdownTable(
                List.of("Stack", "Heap"),
                List.of(
                    List.of("Function calls", "Objects"),
                    List.of("Fast", "Larger"),
                    List.of("Auto-managed", "GC-managed")))),
        q("78").tables());
    for (Question other : result.questions()) {
      if (!other.id().equals("78")) {
        assertEquals(List.of(), other.tables(), "question " + other.id() + " has no table");
      }
    }
  }

  @Test
  void should_read_every_tip() {
    assertEquals("Node.js scales horizontally, not vertically.", q("71").tip());
    assertEquals("Worker threads share memory using SharedArrayBuffer.", q("72").tip());
    assertEquals("", q("73").tip());
    assertEquals("Ignoring backpressure causes memory leaks.", q("74").tip());
    assertEquals("", q("75").tip());
    assertEquals("Memory leaks grow slowly—monitor over time.", q("76").tip());
    assertEquals("Manual GC is not allowed in Node.js.", q("77").tip());
    assertEquals("Stack overflow ≠ memory leak.", q("78").tip());
    assertEquals("", q("79").tip());
    assertEquals("High traffic ≠ CPU heavy always.", q("80").tip());
  }

  private static Question q(String id) {
    Question question = byId.get(id);
    assertTrue(question != null, "question " + id + " was not parsed");
    return question;
  }

  private static Section section(
      String heading, Section.Kind kind, String parent, String... bullets) {
    return new Section(heading, kind, parent, List.of(bullets), List.of());
  }

  private static void assertSections(String id, Section... expected) {
    assertEquals(List.of(expected), q(id).sections(), "sections of question " + id);
  }
}
