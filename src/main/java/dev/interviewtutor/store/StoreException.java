package dev.interviewtutor.store;

/**
 * A database failure that is a bug or an environment problem the user cannot fix by changing input.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
