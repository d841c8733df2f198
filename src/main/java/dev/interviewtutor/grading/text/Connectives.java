package dev.interviewtutor.grading.text;

import java.util.regex.Pattern;

/**
 * The words that join a claim to its reason ("because", "so") or set it against another ("but",
 * "whereas"), read the same way wherever a sentence is taken apart.
 */
public final class Connectives {
  /** A claim joined to its reason or consequence. */
  private static final Pattern REASON =
      Pattern.compile("(?i)\\b(because|since|so|therefore|thus|hence|which means|that means)\\b");

  /** A claim set against another: one side may be the correction of the other. */
  private static final Pattern CONTRAST =
      Pattern.compile(
          "(?i)\\b(but|however|although|though|whereas|while|yet|instead|except|unless)\\b");

  private Connectives() {}

  /**
   * Whether a sentence joins a claim to its reason and sets nothing against it: then it is one
   * claim ("Python cannot leak memory because it has a garbage collector").
   */
  public static boolean givesReason(String sentence) {
    return REASON.matcher(sentence).find() && !CONTRAST.matcher(sentence).find();
  }
}
