package dev.interviewtutor;

/**
 * A problem with how the program is run that only its operator can fix: the database file is
 * locked, read-only, corrupt or on a full disk. The message names paths and settings ({@code --db},
 * {@code TUTOR_DB}), so it goes to the operator (the terminal, the logs), never to a Discord
 * member, who is told the tutor is busy instead. Not a {@link UserFacingException}: that one is for
 * the person who gave the input, and may be shown to them.
 */
public class OperatorException extends RuntimeException {
  public OperatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
