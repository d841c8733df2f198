package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageScreenTest {
  /** Answers to "what is a cache?" written for this test in other languages. */
  private static final List<String> OTHER_LANGUAGES =
      List.of(
          "Кэш хранит копию данных рядом с тем, кто их читает, чтобы не ходить каждый раз к источнику.",
          "缓存把数据的副本放在离读取者更近的地方，这样就不用每次都访问源头。",
          "キャッシュはデータのコピーを近くに置いて、毎回元に取りに行かなくて済むようにします。",
          "ذاكرة التخزين المؤقت تحفظ نسخة من البيانات قريبة من القارئ.",
          "Η κρυφή μνήμη κρατά ένα αντίγραφο των δεδομένων κοντά σε αυτόν που τα διαβάζει.",
          "La caché guarda una copia de los datos cerca de quien los lee, para no ir cada vez al origen.",
          "Le cache garde une copie des données près de celui qui les lit, pour ne pas aller à la source à chaque fois.",
          "Der Cache hält eine Kopie der Daten in der Nähe, damit man nicht jedes Mal zur Quelle gehen muss.",
          "O cache guarda uma cópia dos dados perto de quem lê, para não ir sempre à origem.",
          "La cache tiene una copia dei dati vicino a chi li legge, così non si va ogni volta alla sorgente.",
          "Een cache bewaart een kopie van de gegevens dicht bij de lezer, zodat je niet elke keer naar de bron gaat.");

  private static final List<String> ENGLISH =
      List.of(
          "A cache keeps a copy of data close to whoever reads it, so you don't go back to the source every time.",
          "Use DI so the cache can be swapped; the de facto choice is Redis, see example.com et al. for details.",
          "In the λ calculus a function is a value; memoisation caches f(x) for each x.",
          "Set Cache-Control: max-age=60 on the response, then the CDN serves it without asking the origin.",
          "const cache = new Map(); if (cache.has(key)) return cache.get(key);",
          "Naïve caching at the café's POS terminal still needs invalidation when prices change.",
          "LRU cache evicts least recently used entries");

  @Test
  void should_recognise_answers_in_other_scripts_and_other_latin_script_languages() {
    for (String answer : OTHER_LANGUAGES) {
      assertTrue(LanguageScreen.otherLanguage(answer), answer);
    }
  }

  @Test
  void should_not_flag_english_answers_with_code_acronyms_or_borrowed_words() {
    for (String answer : ENGLISH) {
      assertFalse(LanguageScreen.otherLanguage(answer), answer);
    }
  }

  @Test
  void should_tell_the_learner_that_grading_is_english_only_rather_than_calling_it_gibberish() {
    Optional<AnswerScreen.Rejection> r = AnswerScreen.reject(OTHER_LANGUAGES.get(5));
    assertEquals(Optional.of(AnswerScreen.Rejection.NOT_ENGLISH), r);
    assertTrue(r.get().feedback.contains("English-only"), r.get().feedback);
    assertEquals(
        Optional.of(AnswerScreen.Rejection.NOT_ENGLISH),
        AnswerScreen.reject(OTHER_LANGUAGES.get(1)));
    assertEquals(
        Optional.of(AnswerScreen.Rejection.GIBBERISH),
        AnswerScreen.reject("sdfkjh qwpoeiru zxmcnvb lkjhgf"));
    assertEquals(Optional.empty(), AnswerScreen.reject(ENGLISH.get(0)));
  }
}
