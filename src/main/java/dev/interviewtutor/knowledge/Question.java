package dev.interviewtutor.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * One interview question as written in a bank file. Everything the author wrote is kept in order so
 * that renderers and rubric derivation see the same structure.
 *
 * @param id the number or label after {@code #} ("71"); unique across all loaded banks
 * @param title the question itself ("How Does Node.js Scale?")
 * @param topic from the bank's front matter ({@code topic: ...}) or its file name
 * @param explanation paragraphs under {@code ### Explanation}, joined with blank lines; empty if
 *     absent
 * @param sections every bullet/paragraph section in order ({@code ### Scaling Methods}, {@code
 *     **Used for:**})
 * @param examples fenced code blocks with the heading they sit under
 * @param tables Markdown tables
 * @param tip the {@code ### Interview Tip} text; empty if absent
 * @param location where the question starts, for error messages
 */
public record Question(
    String id,
    String title,
    String topic,
    String explanation,
    List<Section> sections,
    List<CodeExample> examples,
    List<MarkdownTable> tables,
    String tip,
    SourceLocation location) {

  public Question {
    sections = List.copyOf(sections);
    examples = List.copyOf(examples);
    tables = List.copyOf(tables);
  }

  /** The first section whose heading matches (case-insensitive, ignoring a trailing colon). */
  public Optional<Section> section(String heading) {
    String wanted = Section.normalise(heading);
    return sections.stream().filter(s -> Section.normalise(s.heading()).equals(wanted)).findFirst();
  }
}
