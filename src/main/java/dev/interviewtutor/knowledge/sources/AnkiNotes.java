package dev.interviewtutor.knowledge.sources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.interviewtutor.knowledge.BankProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Anki's "Notes in Plain Text" export: {@code #key:value} header lines ({@code
 * #separator:tab}, {@code #html:true}, {@code #deck column:3}, {@code #tags column:4}, ...), then
 * one note per row, fields separated by the separator and quoted with {@code "} when they hold one.
 * The first two content fields are the front (question) and back (answer); a deck column becomes
 * the topic (its last {@code ::} part). HTML is turned into text.
 */
public final class AnkiNotes {
  private AnkiNotes() {}

  private static final Pattern HEADER = Pattern.compile("^#([a-z ]+):(.*)$");
  private static final Map<String, Character> SEPARATORS =
      Map.of("tab", '\t', "comma", ',', "semicolon", ';', "pipe", '|', "space", ' ', "colon", ':');

  /** Reads the export in {@code text} ({@code file} names it in problems). */
  public static ImportResult read(Path file, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = List.of(body.split("\\r?\\n", -1));
    char separator = '\t';
    boolean html = true;
    Set<Integer> special =
        new HashSet<>(); // 1-based columns that are not fields: guid, notetype, deck, tags
    int deckColumn = 0;
    int headerLines = 0;
    List<BankProblem> problems = new ArrayList<>();
    for (String line : lines) {
      Matcher header = HEADER.matcher(line.strip());
      if (!header.matches()) {
        break;
      }
      headerLines++;
      String key = header.group(1).strip().toLowerCase(Locale.ROOT);
      String value = header.group(2).strip();
      switch (key) {
        case "separator" -> {
          Character known = SEPARATORS.get(value.toLowerCase(Locale.ROOT));
          separator = known != null ? known : value.isEmpty() ? '\t' : value.charAt(0);
        }
        case "html" -> html = value.equalsIgnoreCase("true");
        case "deck column" -> {
          deckColumn = column(value);
          special.add(deckColumn);
        }
        case "guid column", "notetype column", "tags column" -> special.add(column(value));
        default -> {} // other headers (columns names, deck, notetype) do not change how rows are
          // read
      }
    }
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(separator)
            .withQuoteChar('"')
            .withoutEscapeChar();
    String rows = String.join("\n", lines.subList(headerLines, lines.size()));
    List<ImportedNote> notes = new ArrayList<>();
    try (MappingIterator<List<String>> it =
        mapper.readerForListOf(String.class).with(schema).readValues(rows)) {
      while (it.hasNextValue()) {
        JsonLocation where = it.getParser().currentLocation();
        List<String> row = it.nextValue();
        int line = headerLines + (int) Math.max(1, where.getLineNr());
        if (row.stream().allMatch(String::isBlank)) {
          continue;
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          if (!special.contains(i + 1)) {
            fields.add(row.get(i));
          }
        }
        String front = fields.isEmpty() ? "" : text(fields.get(0), html);
        String back = fields.size() < 2 ? "" : text(fields.get(1), html);
        String deck = deckColumn > 0 && deckColumn <= row.size() ? row.get(deckColumn - 1) : "";
        String topic = deck.contains("::") ? deck.substring(deck.lastIndexOf("::") + 2) : deck;
        if (front.isBlank() || back.isBlank()) {
          problems.add(
              new BankProblem(
                  file,
                  line,
                  "note has "
                      + (front.isBlank() ? "no front (question)" : "no back (answer)")
                      + " — export notes of a type with Front and Back fields, or fill the field"));
          continue;
        }
        notes.add(
            new ImportedNote(front.replaceAll("\\s+", " ").strip(), back, topic.strip(), line));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(
          new BankProblem(
              file,
              0,
              "cannot be read as an Anki plain-text export ("
                  + e.getMessage()
                  + ") — in Anki use File › Export › Notes in Plain Text"));
    }
    if (notes.isEmpty() && problems.isEmpty()) {
      problems.add(
          new BankProblem(
              file, 1, "no notes found — in Anki use File › Export › Notes in Plain Text"));
    }
    return new ImportResult(notes, problems);
  }

  private static String text(String field, boolean html) {
    return html ? HtmlText.toText(field) : field.strip();
  }

  private static int column(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
