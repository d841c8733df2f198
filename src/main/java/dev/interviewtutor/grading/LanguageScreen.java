package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.Lexicon;
import java.util.List;
import java.util.Set;

/**
 * Whether an answer is written in a language other than English, which the offline grader cannot
 * judge (its embedding model, stemmer and screens are English). Two cheap signals: most letters in
 * a non-Latin script (Cyrillic, CJK, Arabic, Greek, ...), or, in Latin script, several function
 * words of another European language and few English ones. Code identifiers and the odd borrowed
 * phrase ("de facto", "et al.") do not trip it.
 */
final class LanguageScreen {
  /**
   * Frequent function words of Spanish, French, German, Portuguese, Italian and Dutch that are not
   * English words or common code identifiers (no "die", "per", "os", "del", "du", "van", "den",
   * "mit").
   */
  static final Set<String> FOREIGN_FUNCTION_WORDS =
      Set.of(
          // Spanish
          "el",
          "la",
          "los",
          "las",
          "es",
          "un",
          "una",
          "que",
          "por",
          "para",
          "con",
          "se",
          "lo",
          "como",
          "pero",
          "más",
          "cuando",
          "porque",
          "está",
          "son",
          "muy",
          "sin",
          "sobre",
          "también",
          "hay",
          "su",
          "sus",
          "al",
          "entre",
          // French
          "le",
          "les",
          "des",
          "est",
          "une",
          "et",
          "pour",
          "pas",
          "sont",
          "avec",
          "qui",
          "dans",
          "sur",
          "ce",
          "cette",
          "de",
          "ne",
          "à",
          "je",
          "il",
          "elle",
          "nous",
          "vous",
          "ils",
          "mais",
          "ou",
          "aussi",
          "très",
          "leur",
          "être",
          "fait",
          "peut",
          // German
          "der",
          "das",
          "und",
          "ist",
          "nicht",
          "ein",
          "eine",
          "einen",
          "dem",
          "zu",
          "auf",
          "für",
          "sich",
          "wird",
          "werden",
          "auch",
          "oder",
          "wenn",
          "sind",
          "wie",
          "bei",
          "nach",
          "noch",
          "kann",
          "durch",
          "ich",
          "wir",
          // Portuguese
          "não",
          "uma",
          "são",
          "com",
          "em",
          "da",
          "dos",
          "é",
          "também",
          "ser",
          // Italian
          "di",
          "dei",
          "alla",
          "si",
          "che",
          "è",
          "non",
          "della",
          "sono",
          "gli",
          "nel",
          "anche",
          "questo",
          "quando",
          // Dutch
          "het",
          "een",
          "en",
          "niet",
          "zijn",
          "wordt",
          "dat",
          "voor",
          "ook",
          "maar",
          "wanneer");

  private LanguageScreen() {}

  /** True when the answer reads as another language: grading is English-only. */
  static boolean otherLanguage(String answer) {
    long letters = 0;
    long nonLatin = 0;
    for (int i = 0; i < answer.length(); ) {
      int cp = answer.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script != Character.UnicodeScript.LATIN
            && script != Character.UnicodeScript.COMMON
            && script != Character.UnicodeScript.INHERITED) {
          nonLatin++;
        }
      }
    }
    if (letters >= 2 && nonLatin * 2 > letters) {
      return true;
    }
    List<String> tokens = Lexicon.tokens(answer);
    if (tokens.size() < 3) {
      return false;
    }
    long foreign = tokens.stream().filter(FOREIGN_FUNCTION_WORDS::contains).count();
    long english =
        tokens.stream()
            .filter(t -> Lexicon.isStopword(t) && !FOREIGN_FUNCTION_WORDS.contains(t))
            .count();
    return foreign >= 2 && foreign >= tokens.size() * 0.15 && english * 2 <= foreign;
  }
}
