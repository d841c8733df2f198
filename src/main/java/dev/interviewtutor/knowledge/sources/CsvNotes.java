package dev.interviewtutor.knowledge.sources;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.interviewtutor.knowledge.BankProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code question,answer[,topic]} rows (RFC 4180 quoting, so answers may hold commas and line
 * breaks). A first row naming the columns ({@code question,answer,topic} in any order, any case) is
 * a header; without one the columns are taken in that order.
 */
public final class CsvNotes {
  private CsvNotes() {}

  public static ImportResult read(Path file, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"');
    List<ImportedNote> notes = new ArrayList<>();
    List<BankProblem> problems = new ArrayList<>();
    int question = 0;
    int answer = 1;
    int topic = 2;
    boolean first = true;
    try (MappingIterator<List<String>> it =
        mapper.readerForListOf(String.class).with(schema).readValues(body)) {
      while (it.hasNextValue()) {
        int line = (int) Math.max(1, it.getParser().currentLocation().getLineNr());
        List<String> row = it.nextValue();
        if (row.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (first) {
          first = false;
          List<String> names = row.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
          if (names.contains("question") && names.contains("answer")) {
            question = names.indexOf("question");
            answer = names.indexOf("answer");
            topic = names.indexOf("topic");
            continue;
          }
        }
        String q = cell(row, question).replaceAll("\\s+", " ");
        String a = cell(row, answer);
        if (q.isEmpty() || a.isEmpty()) {
          problems.add(
              new BankProblem(
                  file,
                  line,
                  "row has "
                      + (q.isEmpty() ? "no question" : "no answer")
                      + " — write rows as question,answer[,topic], quoting cells that contain commas"));
          continue;
        }
        notes.add(new ImportedNote(q, a, cell(row, topic), line));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(
          new BankProblem(
              file,
              0,
              "cannot be read as CSV ("
                  + e.getMessage()
                  + ") — save it as "
                  + "comma-separated UTF-8 with question,answer[,topic] columns"));
    }
    if (notes.isEmpty() && problems.isEmpty()) {
      problems.add(
          new BankProblem(
              file, 1, "no rows found — write one question,answer[,topic] row per question"));
    }
    return new ImportResult(notes, problems);
  }

  private static String cell(List<String> row, int index) {
    return index >= 0 && index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
  }
}
