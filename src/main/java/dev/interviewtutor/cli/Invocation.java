package dev.interviewtutor.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * How the person started the tutor, so that messages suggesting a command ("Run `... practice`")
 * name one that exists: the launcher script passes its own name ({@code -Dtutor.command=tutor}, see
 * {@code bin/tutor}); otherwise it is {@code java -jar} and the jar's path (relative when the jar
 * is under the working directory).
 */
final class Invocation {
  /** Set by {@code bin/tutor}. */
  static final String PROPERTY = "tutor.command";

  private Invocation() {}

  static String command() {
    String launcher = System.getProperty(PROPERTY, "").strip();
    if (!launcher.isEmpty()) {
      return launcher;
    }
    return "java -jar " + jarPath(Path.of("").toAbsolutePath());
  }

  /** The running jar as the person would type it from {@code workingDir}. */
  static String jarPath(Path workingDir) {
    Path jar = runningJar();
    if (jar == null) {
      return "target/interview-tutor.jar";
    }
    return jar.startsWith(workingDir) ? workingDir.relativize(jar).toString() : jar.toString();
  }

  private static Path runningJar() {
    CodeSource source = Invocation.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      Path location = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
      return Files.isRegularFile(location) ? location : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
