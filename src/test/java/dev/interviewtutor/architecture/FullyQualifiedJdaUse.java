package dev.interviewtutor.architecture;

/**
 * Test fixture for {@code ArchitectureTest}: a class outside {@code discord} that uses JDA through
 * fully qualified names only, with no import line a source scan could find. The architecture rules
 * must reject it.
 */
final class FullyQualifiedJdaUse {
  private FullyQualifiedJdaUse() {}

  static String nameOf(net.dv8tion.jda.api.entities.User user) {
    return net.dv8tion.jda.api.utils.MarkdownSanitizer.escape(user.getName());
  }
}
