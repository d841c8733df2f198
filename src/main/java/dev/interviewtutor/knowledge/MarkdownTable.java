package dev.interviewtutor.knowledge;

import java.util.List;

/** A Markdown table: header cells and body rows, cells trimmed, the separator row dropped. */
public record MarkdownTable(List<String> header, List<List<String>> rows) {
  public MarkdownTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
