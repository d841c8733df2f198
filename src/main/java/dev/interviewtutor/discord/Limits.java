package dev.interviewtutor.discord;

/** Discord's length limits, and truncation that keeps text inside them. */
public final class Limits {
  public static final int EMBED_TITLE = 256;
  public static final int EMBED_DESCRIPTION = 4096;
  public static final int EMBED_FIELD_NAME = 256;
  public static final int EMBED_FIELD_VALUE = 1024;
  public static final int EMBED_FIELDS = 25;
  public static final int EMBED_TOTAL = 6000;
  public static final int MESSAGE_CONTENT = 2000;
  public static final int MODAL_TITLE = 45;
  public static final int MODAL_LABEL = 45;
  public static final int BUTTON_LABEL = 80;
  public static final int AUTOCOMPLETE_CHOICES = 25;
  public static final int CHOICE_NAME = 100;

  private Limits() {}

  /**
   * {@code text} cut to {@code max} characters, ending with an ellipsis when cut; never splits a
   * surrogate pair.
   */
  public static String fit(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** Like {@link #fit} but an empty value becomes a dash (embeds refuse empty field values). */
  public static String field(String text) {
    String value = fit(text == null ? "" : text.strip(), EMBED_FIELD_VALUE);
    return value.isEmpty() ? "—" : value;
  }
}
