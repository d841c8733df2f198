package dev.interviewtutor.knowledge.sources;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of an Anki field as Markdown-ish text: line breaks, list items, bold and code kept,
 * other tags dropped.
 */
final class HtmlText {
  private HtmlText() {}

  private static final Pattern BREAK =
      Pattern.compile(
          "<br\\s*/?>|</?(div|p|ul|ol|tr|table|h\\d)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ITEM = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BOLD =
      Pattern.compile("<(b|strong)\\b[^>]*>(.*?)</\\1>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE =
      Pattern.compile("<code\\b[^>]*>(.*?)</code>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern SOUND = Pattern.compile("\\[sound:[^\\]]*]");
  private static final Pattern CLOZE = Pattern.compile("\\{\\{c\\d+::(.*?)(::[^}]*)?}}");
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
  private static final Map<String, String> ENTITIES =
      Map.of("&nbsp;", " ", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'", "&amp;", "&");

  static String toText(String html) {
    String s = SOUND.matcher(html).replaceAll("");
    s = CLOZE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("**" + m.group(2).strip() + "**"));
    s = CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1) + "`"));
    s = ITEM.matcher(s).replaceAll("\n- ");
    s = BREAK.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    s =
        NUMERIC_ENTITY
            .matcher(s)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        new String(
                            Character.toChars(
                                Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16)))));
    for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
      s = s.replace(entity.getKey(), entity.getValue());
    }
    s = s.replace('\u00A0', ' ').replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    return s.strip();
  }
}
