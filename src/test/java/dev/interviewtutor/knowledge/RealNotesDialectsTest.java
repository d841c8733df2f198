package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dialects seen in real public interview notes (docs/real-notes.md), each in notes the project
 * wrote in its own words ({@code src/test/resources/notes}): a first question one level deeper than
 * the rest, headings indented under a bullet, {@code ## 8)Title}, {@code **Question**:} / {@code
 * **Answer**:} labels without headings, hard line breaks, fences inside list items, placeholders
 * such as {@code <pid>}, labels and lead-ins that introduce a list.
 */
class RealNotesDialectsTest {

  private static MarkdownBankParser.ParseResult parse(String name) throws IOException {
    Path file = NotesDialectsTest.NOTES.resolve(name);
    return new MarkdownBankParser().parse(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  private static MarkdownBankParser.ParseResult parseText(String text) {
    return new MarkdownBankParser().parse(Path.of("inline.md"), text);
  }

  private static List<String> keyPoints(Question q) {
    return QuestionRubrics.of(q).keyPoints().stream().map(KeyPoint::text).toList();
  }

  private static List<String> misconceptions(Question q) {
    return QuestionRubrics.of(q).misconceptions().stream().map(Misconception::text).toList();
  }

  @Test
  void should_read_a_first_question_one_level_deeper_and_headings_indented_under_a_bullet()
      throws IOException {
    var result = parse("http-mixed-levels.md");
    assertEquals(List.of(), result.problems());
    assertEquals(List.of("1", "2", "3"), result.questions().stream().map(Question::id).toList());
    assertEquals("What does the Cache-Control header do?", result.questions().get(0).title());
    List<String> first = keyPoints(result.questions().get(0));
    assertTrue(
        first.contains("In practice: A fresh copy is served without asking the origin server"),
        first.toString());
    List<String> second = keyPoints(result.questions().get(1));
    assertTrue(
        second.contains(
            "Weak validators: A weak ETag starts with W/ and only promises equivalent content"),
        second.toString());
  }

  @Test
  void should_skip_a_topics_covered_list_after_the_last_question() throws IOException {
    var result = parse("http-mixed-levels.md");
    assertTrue(
        result.skipped().stream().anyMatch(s -> s.reason().contains("topics covered")),
        result.skipped().toString());
    Question last = result.questions().get(2);
    assertFalse(keyPoints(last).contains("Cache busting"), keyPoints(last).toString());
  }

  @Test
  void should_read_a_fence_indented_inside_a_list_item_as_code_and_end_the_item_at_a_paragraph()
      throws IOException {
    Question debug = parse("http-mixed-levels.md").questions().get(2);
    assertEquals(1, debug.examples().size());
    assertTrue(debug.examples().get(0).code().contains("curl -I"), debug.examples().toString());
    List<String> points = keyPoints(debug);
    assertTrue(points.stream().noneMatch(p -> p.contains("curl")), points.toString());
    assertTrue(points.contains("Bust the cache on deploy"), points.toString());
    assertTrue(
        points.contains("Fingerprinted file names let you cache assets for a year"),
        points.toString());
  }

  @Test
  void should_not_make_labels_lead_ins_or_questions_in_passing_key_points() throws IOException {
    var result = parse("http-mixed-levels.md");
    List<String> etag = keyPoints(result.questions().get(1));
    assertTrue(
        etag.contains(
            "The server sends a validator with the response and the client sends it back in If-None-Match"),
        etag.toString());
    assertTrue(
        etag.stream().noneMatch(p -> p.startsWith("Idea") || p.startsWith("Why this helps")));
    List<String> debug = keyPoints(result.questions().get(2));
    assertTrue(debug.stream().noneMatch(p -> p.contains("What to look for")), debug.toString());
    assertTrue(debug.stream().noneMatch(p -> p.contains("How do you know")), debug.toString());
    assertEquals(
        List.of(
            "Fingerprinted file names let you cache assets for a year",
            "Inspect the response headers",
            "Age and Cache-Control on the response",
            "Whether a CDN added its own headers",
            "Bust the cache on deploy"),
        debug);
  }

  @Test
  void should_read_parenthesised_numbers_with_and_without_a_space_under_a_q_and_a_title()
      throws IOException {
    var result = parse("shell-paren-hardbreaks.md");
    assertEquals(List.of(), result.problems());
    assertEquals(List.of("1", "2", "3"), result.questions().stream().map(Question::id).toList());
    assertEquals(
        "What is the difference between a hard link and a soft link ?",
        result.questions().get(1).title().strip());
    assertTrue(result.questions().stream().allMatch(q -> q.topic().equals("Linux Shell")));
  }

  @Test
  void should_read_lines_ending_in_a_hard_break_as_separate_statements() throws IOException {
    Question redirect = parse("shell-paren-hardbreaks.md").questions().get(1);
    assertEquals(
        List.of(
            "Hard link : It points at the same inode as the original",
            "Soft link : It stores the path of its target",
            "Both are made with ln"),
        keyPoints(redirect));
  }

  @Test
  void should_keep_placeholders_that_are_not_html_and_drop_html_tags() throws IOException {
    Question port = parse("shell-paren-hardbreaks.md").questions().get(2);
    assertEquals(
        List.of(
            "Run ss -ltnp and look for the port, or run lsof -i :<port> for one port",
            "Kill it with kill <pid> once you know the process id"),
        keyPoints(port));
  }

  @Test
  void should_read_question_and_answer_labels_without_any_question_heading() throws IOException {
    var result = parse("networking-qa-labels.md");
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of("What is the difference between TCP and UDP?", "What does DNS resolve?"),
        result.questions().stream().map(Question::title).toList());
    assertTrue(result.questions().stream().allMatch(q -> q.topic().equals("Networking")));
    Question tcp = result.questions().get(0);
    assertEquals(
        List.of(
            "TCP sets up a connection and delivers bytes in order, resending what gets lost",
            "UDP sends independent datagrams with no delivery guarantee",
            "UDP suits live audio because a late packet is worse than a lost one"),
        keyPoints(tcp));
    assertEquals(
        3,
        result.skipped().stream()
            .filter(s -> s.reason().equals("facts about the question, not its answer"))
            .count());
  }

  @Test
  void should_give_labelled_questions_ids_that_survive_reordering() throws IOException {
    String text =
        Files.readString(
            NotesDialectsTest.NOTES.resolve("networking-qa-labels.md"), StandardCharsets.UTF_8);
    int second = text.indexOf("**Question**: What does DNS");
    String reordered =
        text.substring(0, text.indexOf("**Question**"))
            + text.substring(second)
            + "\n"
            + text.substring(text.indexOf("**Question**"), second);
    Path file = NotesDialectsTest.NOTES.resolve("networking-qa-labels.md");
    var before = new MarkdownBankParser().parse(file, text);
    var after = new MarkdownBankParser().parse(file, reordered);
    assertEquals(List.of(), after.problems());
    assertEquals(
        before.questions().stream().map(Question::id).sorted().toList(),
        after.questions().stream().map(Question::id).sorted().toList());
    assertEquals(before.questions().get(0).id(), after.questions().get(1).id());
  }

  @Test
  void should_keep_a_question_label_under_a_question_heading_inside_that_question() {
    var result =
        parseText(
            "# 1. Closures\n\n**Question**: What is a closure?\n\n"
                + "**Answer**: A function together with the variables it captured.\n");
    assertEquals(List.of(), result.problems());
    assertEquals(List.of("1"), result.questions().stream().map(Question::id).toList());
    assertEquals(
        List.of("A function together with the variables it captured"),
        keyPoints(result.questions().get(0)));
  }

  @Test
  void should_not_prefix_key_points_with_the_answer_label_or_keep_a_short_lead_in()
      throws IOException {
    var result = parse("python-grouped-answer-labels.md");
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of("basics-1", "basics-2", "advanced-1"),
        result.questions().stream().map(Question::id).toList());
    assertEquals(
        List.of(
            "A list can be changed after it is created; a tuple cannot",
            "Tuples can be dictionary keys when their items are hashable",
            "Mutability",
            "Hashability"),
        keyPoints(result.questions().get(0)));
  }

  @Test
  void should_keep_a_quotation_in_one_statement_and_a_placeholder_in_inline_code()
      throws IOException {
    List<String> venv = keyPoints(parse("python-grouped-answer-labels.md").questions().get(1));
    assertTrue(
        venv.contains(
            "A PR reviewer might say: \"Pin your versions. Otherwise builds drift.\" That is the"
                + " point of a lock file"),
        venv.toString());
    assertTrue(venv.contains("Run python -m venv <env-dir> to create one"), venv.toString());
  }

  @Test
  void should_turn_not_contrasts_into_wrong_beliefs_unless_the_swap_would_garble_them() {
    var result =
        parseText(
            "# 1. What does a partial index store?\n\n"
                + "Only the rows that match its condition are indexed -- not the whole table of"
                + " every tenant.\n\n"
                + "# 2. Where does a B-tree keep keys?\n\nIt keeps keys sorted -- not hashed.\n\n"
                + "# 3. What is a load balancer?\n\n"
                + "A load balancer is a traffic distributor -- not a cache for responses.\n");
    assertEquals(List.of(), result.problems());
    assertEquals(List.of(), misconceptions(result.questions().get(0)));
    assertEquals(List.of("It keeps keys hashed"), misconceptions(result.questions().get(1)));
    assertEquals(
        List.of("A load balancer is a cache for responses"),
        misconceptions(result.questions().get(2)));
  }

  @Test
  void should_not_double_the_stop_between_table_cells_written_as_sentences() {
    var result =
        parseText(
            "# 1. Merge or rebase?\n\n| | Merge | Rebase |\n| --- | --- | --- |\n"
                + "| History | Keeps every commit. | Rewrites the commits. |\n");
    assertEquals(
        List.of("History — Merge: keeps every commit; Rebase: rewrites the commits"),
        keyPoints(result.questions().get(0)));
  }

  @Test
  void should_read_numbered_bold_list_items_as_questions_when_no_heading_is_one()
      throws IOException {
    var result = parse("go-bold-list.md");
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of("basics-1", "basics-2", "concurrenc-1", "concurrenc-2"),
        result.questions().stream().map(Question::id).toList());
    assertEquals(
        List.of(
            "What is a goroutine?",
            "Explain the difference between an array and a slice.",
            "What does `sync.WaitGroup` do?",
            "How does an unbuffered channel behave?"),
        result.questions().stream().map(Question::title).toList());
    assertEquals("Concurrency", result.questions().get(2).topic());
    assertEquals(
        List.of("It blocks until a counter of running goroutines drops back to zero"),
        keyPoints(result.questions().get(2)));
  }

  @Test
  void should_keep_a_bold_numbered_step_inside_an_answer_as_part_of_that_answer() {
    var result =
        parseText(
            "# 1. How do you release a service?\n\n### Explanation\n\n"
                + "1. **Build the image**\n   - Tag it with the commit.\n\n"
                + "2. **What could go wrong?**\n   - A missing migration.\n");
    assertEquals(List.of(), result.problems());
    assertEquals(List.of("1"), result.questions().stream().map(Question::id).toList());
  }

  @Test
  void should_read_numbered_headings_inside_a_folded_answer_as_parts_of_that_answer()
      throws IOException {
    var result = parse("css-details-subheadings.md");
    assertEquals(List.of(), result.problems());
    assertEquals(List.of("1", "2", "3"), result.questions().stream().map(Question::id).toList());
    assertEquals(
        List.of(
            "Flexbox lays items out along one axis and shares the free space between them",
            "Grid places items in rows and columns at the same time",
            "Container queries style a component by the size of its container rather than the"
                + " viewport"),
        keyPoints(result.questions().get(1)));
  }

  @Test
  void should_keep_tags_written_as_code_and_drop_tags_written_as_html() {
    var result =
        parseText(
            "# 1. What is the difference between `<div>` and `<span>`?\n\n"
                + "`<div>` starts a block, while `<span>` stays <b>inline</b>.<br>\n"
                + "Use the `<img>` tag with an alt text.\n");
    Question q = result.questions().get(0);
    assertEquals("What is the difference between `<div>` and `<span>`?", q.title());
    assertEquals(
        List.of(
            "<div> starts a block, while <span> stays inline",
            "Use the <img> tag with an alt text"),
        keyPoints(q));
  }

  @Test
  void should_check_each_sentence_of_a_bullet_written_as_a_paragraph_on_its_own() {
    var result =
        parseText(
            "1. **What is a write-ahead log?**\n"
                + "   - A write-ahead log records every change before the data pages are touched."
                + " After a crash the database replays it to reach a consistent state.\n\n"
                + "2. **Where do you see one?**\n"
                + "   - Databases keep one (e.g. Postgres, SQLite in WAL mode) for durability.\n");
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of(
            "A write-ahead log records every change before the data pages are touched",
            "After a crash the database replays it to reach a consistent state"),
        keyPoints(result.questions().get(0)));
    assertEquals(
        List.of("Databases keep one (e.g. Postgres, SQLite in WAL mode) for durability"),
        keyPoints(result.questions().get(1)));
  }
}
