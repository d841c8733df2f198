package dev.interviewtutor.grading.llm;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A fresh unguessable token that brackets the learner's answer in a prompt ("BEGIN ANSWER
 * 9f2c..."), so that an answer cannot close the block and pose as the rubric.
 */
final class Fence {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Fence() {}

  static String around(String answer) {
    while (true) {
      byte[] bytes = new byte[12];
      RANDOM.nextBytes(bytes);
      String token = "DATA-" + HexFormat.of().formatHex(bytes);
      if (!answer.contains(token)) {
        return token;
      }
    }
  }
}
