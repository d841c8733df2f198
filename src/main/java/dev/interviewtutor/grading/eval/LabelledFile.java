package dev.interviewtutor.grading.eval;

import dev.interviewtutor.UserFacingException;
import java.io.IOException;
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
 * A labelled CSV or TSV file with a header row; the separator follows the extension ({@code .tsv}/{@code .tab}
 * tab, otherwise comma). Fields may be double-quoted ({@code ""} inside quotes is a quote; quoted fields may span
 * lines).
 */
public record LabelledFile(Path path, List<String> header, List<Row> rows) {

  /** A data row: 1-based row number among data rows, the file line it starts on, and its fields by column. */
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
    parse(path, text, sep, records, lines);
    if (records.isEmpty()) {
      throw new UserFacingException(path + ": empty file; expected a header row and data rows");
    }
    List<String> header = records.get(0).stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() == 1 && r.get(0).isBlank()) {
        continue;
      }
      if (r.size() != header.size()) {
        throw new UserFacingException(path + ":" + lines.get(i) + ": " + r.size() + " fields, but the header has "
            + header.size() + (sep == '\t' ? " (tab-separated)" : " (comma-separated; quote fields that contain commas)"));
      }
      Map<String, String> fields = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        fields.put(header.get(c), r.get(c));
      }
      rows.add(new Row(rows.size() + 1, lines.get(i), fields));
    }
    return new LabelledFile(path, header, rows);
  }

  private static void parse(Path path, String text, char sep, List<List<String>> records, List<Integer> lines) {
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == sep) {
        record.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        records.add(record);
        lines.add(recordLine);
        record = new ArrayList<>();
        field.setLength(0);
        fieldStart = true;
        line++;
        recordLine = line;
      } else {
        field.append(c);
        fieldStart = false;
      }
    }
    if (quoted) {
      throw new UserFacingException(path + ":" + recordLine + ": a quoted field is never closed");
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
      lines.add(recordLine);
    }
  }
}
