package dev.interviewtutor.knowledge;

import java.util.List;

/**
 * One thing a good answer says.
 *
 * @param id stable within the rubric ("kp1", "kp2", ...)
 * @param text the statement as a learner would read it ("Clustering runs several Node processes")
 * @param weight relative importance, &gt; 0; the rubric's weights need not sum to 1
 * @param synonyms accepted alternative phrasings or terms for this point (from bank annotations),
 *     may be empty
 * @param origin where it came from: "explanation", "section:Scaling Methods", "table", "tip",
 *     "key-points", "reference"
 */
public record KeyPoint(
    String id, String text, double weight, List<String> synonyms, String origin) {
  public KeyPoint {
    synonyms = List.copyOf(synonyms);
    if (!(weight > 0)) {
      throw new IllegalArgumentException("key point weight must be > 0: " + weight);
    }
  }
}
