package dev.interviewtutor.cli;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.OfflineGrader;
import java.util.Locale;

/** Builds the grader a command asked for: "offline" (embedding + lexical), "llm" or "hybrid". */
public final class Graders {
  private Graders() {}

  public static Grader create(TutorConfig config, String kind) {
    String k = kind == null ? "offline" : kind.strip().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "offline" -> OfflineGrader.withDefaultModel();
      case "llm", "hybrid" -> throw new UserFacingException("the " + k + " grader is not available in this build yet; "
          + "use --grader offline");
      default -> throw new UserFacingException("unknown grader '" + kind + "': use offline, llm or hybrid");
    };
  }
}
