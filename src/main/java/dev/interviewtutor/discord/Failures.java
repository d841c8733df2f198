package dev.interviewtutor.discord;

import dev.interviewtutor.OperatorException;
import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.AnswerRejectedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member is told when their interaction failed, and what the operator's log gets. Errors the
 * member caused ({@link UserFacingException}, {@link AnswerRejectedException}) are shown as they
 * are. An {@link OperatorException} (the database file is locked, read-only, full) names paths and
 * settings: it is logged for the operator, and the member is told the tutor is busy. Anything else
 * is a bug: logged, and the member gets a plain apology.
 *
 * <p>ERROR logs never carry an exception's message for a bug: a message may quote the learner's
 * answer or an LLM's raw JSON reply. The stack trace is kept (with each message replaced by the
 * exception's class); the full messages go to DEBUG.
 */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  static final String BUSY =
      "The tutor is busy right now. Please try again in a minute; nothing you did was lost.";
  static final String SORRY = "Sorry, something went wrong on my side. Please try again.";

  private Failures() {}

  /**
   * The sentence for the member whose {@code what} failed with {@code failure}; logs it for the
   * operator.
   */
  static String forMember(String what, Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof UserFacingException || e instanceof AnswerRejectedException) {
      return Limits.fit(e.getMessage(), Limits.MESSAGE_CONTENT);
    }
    log(what, e);
    return e instanceof OperatorException ? BUSY : SORRY;
  }

  /**
   * Logs a failure nobody is waiting for (a scheduled post): the operator's problem with its
   * details, or a bug.
   */
  static void log(String what, Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof OperatorException) {
      // The operator's message is written by us (a path and what to do), never learner text.
      LOG.error("{} failed: {}", what, e.getMessage());
    } else if (e instanceof UserFacingException || e instanceof AnswerRejectedException) {
      LOG.warn("{} failed: {}", what, e.getMessage());
    } else {
      logBug(what, e);
    }
  }

  /**
   * Logs a bug at ERROR without any exception message (those may quote learner text); full text at
   * DEBUG.
   */
  static void logBug(String what, Throwable e) {
    LOG.error("{} failed", what, redacted(e));
    LOG.debug("{} failed (full messages)", what, e);
  }

  /**
   * A copy of {@code e} and its causes with the same stack traces and each message replaced by its
   * class.
   */
  static Throwable redacted(Throwable e) {
    return redacted(e, 0);
  }

  private static Throwable redacted(Throwable e, int depth) {
    RuntimeException copy =
        new RuntimeException(
            e.getClass().getName() + " (message withheld from ERROR logs)",
            e.getCause() == null || e.getCause() == e || depth > 10
                ? null
                : redacted(e.getCause(), depth + 1));
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
