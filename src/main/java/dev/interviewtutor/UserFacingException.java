package dev.interviewtutor;

/**
 * An error the user can fix (a bad bank file, an unknown question id, an unreadable database). The
 * command line prints only its message, never a stack trace.
 */
public class UserFacingException extends RuntimeException {
  public UserFacingException(String message) {
    super(message);
  }

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}
