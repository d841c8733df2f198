package dev.interviewtutor.knowledge;

import java.nio.file.Path;

/** A 1-based line in a bank file, printed as {@code file:line}. */
public record SourceLocation(Path file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
