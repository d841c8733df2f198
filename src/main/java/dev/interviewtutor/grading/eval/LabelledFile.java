package dev.interviewtutor.grading.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.interviewtutor.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A labelled CSV or TSV file with a header row; the separator follows the extension ({@code
 * .tsv}/{@code .tab} tab, otherwise comma). Fields may be double-quoted ({@code ""} inside quotes
 * is a quote; quoted fields may span lines): the SemEval and Mohler TSV files quote this way too.
 * Parsed by jackson-dataformat-csv.
 */
public record LabelledFile(Path path, List<String> header, List<Row> rows) {

  /**
   * A data row: 1-based row number among data rows, the file line it starts on, and its fields by
   * column.
   */
  public record Row(int row, int line, Map<String, String> fields) {
    public String get(String column) {
      return fields.getOrDefault(column, "");
    }
  }

  public boolean has(String column) {
    return header.contains(column);
  }

  public static LabelledFile read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserFacingException(path + ": no such file");
    } catch (CharacterCodingException e) {
      throw new UserFacingException(path + ": not valid UTF-8 text");
    } catch (IOException e) {
      throw new UserFacingException(path + ": cannot be read (" + e.getMessage() + ")");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    char sep = name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',';
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    parse(path, text.replace("\uFEFF", ""), sep, records, lines);
    if (records.isEmpty()) {
      throw new UserFacingException(path + ": empty file; expected a header row and data rows");
    }
    List<String> header = records.get(0).stream().map(String::strip).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() == 1 && r.get(0).isBlank()) {
        continue;
      }
      if (r.size() != header.size()) {
        throw new UserFacingException(
            path
                + ":"
                + lines.get(i)
                + ": "
                + r.size()
                + " fields, but the header has "
                + header.size()
                + (sep == '\t'
                    ? " (tab-separated)"
                    : " (comma-separated; quote fields that contain commas)"));
      }
      Map<String, String> fields = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        fields.put(header.get(c), r.get(c));
      }
      rows.add(new Row(rows.size() + 1, lines.get(i), fields));
    }
    return new LabelledFile(path, header, rows);
  }

  private static void parse(
      Path path, String text, char sep, List<List<String>> records, List<Integer> lines) {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(sep).withQuoteChar('"');
    int recordLine = 1;
    try (MappingIterator<List<String>> it =
        mapper.readerForListOf(String.class).with(schema).readValues(text)) {
      while (true) {
        JsonLocation at = it.getParser().currentLocation();
        recordLine = (int) Math.max(1, at.getLineNr());
        if (!it.hasNextValue()) {
          break;
        }
        List<String> record = it.nextValue();
        records.add(record.stream().map(f -> f == null ? "" : f).toList());
        lines.add(recordLine);
      }
    } catch (RuntimeJsonMappingException | IOException | UncheckedIOException e) {
      String why =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new UserFacingException(
          path
              + ":"
              + recordLine
              + ": cannot be read as "
              + (sep == '\t' ? "TSV" : "CSV")
              + " ("
              + why
              + "); a quoted field may never be closed");
    }
  }
}
