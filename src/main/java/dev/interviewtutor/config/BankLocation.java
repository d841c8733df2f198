package dev.interviewtutor.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where the question banks are read from: the directory given by {@code TUTOR_KNOWLEDGE} / {@code
 * --knowledge}, else {@code ./knowledge} when it exists, else the project's banks built into the
 * jar (so the jar works from any working directory). A directory that was given but does not exist
 * is kept, so loading it fails naming it.
 *
 * @param dir the directory to load (inside the jar's zip file system for the built-in banks)
 * @param builtIn whether these are the banks shipped in the jar
 * @param shown the location for people: an absolute path, or {@code
 *     /abs/interview-tutor.jar!/knowledge}
 */
public record BankLocation(Path dir, boolean builtIn, String shown) {
  /** The default knowledge directory, relative to the working directory. */
  public static final Path DEFAULT_DIR = Path.of("knowledge");

  /** Where the build puts the banks inside the jar (and in target/classes). */
  static final String RESOURCE_DIR = "knowledge";

  private static FileSystem jarFileSystem;

  /** Resolves the banks to use for a configuration. */
  public static BankLocation of(TutorConfig config) {
    Path dir = config.knowledgeDir();
    if (Files.isDirectory(dir) || !dir.normalize().equals(DEFAULT_DIR)) {
      return directory(dir);
    }
    return shipped().orElseGet(() -> directory(dir));
  }

  private static BankLocation directory(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    return new BankLocation(absolute, false, absolute.toString());
  }

  /**
   * The banks shipped with the program: in the jar, or in the classes directory when run from the
   * build.
   */
  public static Optional<BankLocation> shipped() {
    CodeSource source = BankLocation.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (Files.isDirectory(location)) {
      Path dir = location.resolve(RESOURCE_DIR);
      return Files.isDirectory(dir)
          ? Optional.of(new BankLocation(dir, true, dir + " (built in)"))
          : Optional.empty();
    }
    if (!Files.isRegularFile(location)) {
      return Optional.empty();
    }
    Path dir = jarFileSystem(location).getPath("/" + RESOURCE_DIR);
    return Files.isDirectory(dir)
        ? Optional.of(new BankLocation(dir, true, location + "!/" + RESOURCE_DIR + " (built in)"))
        : Optional.empty();
  }

  /**
   * One read-only zip file system over the jar for the whole process (the bank is read from it at
   * start).
   */
  private static synchronized FileSystem jarFileSystem(Path jar) {
    if (jarFileSystem == null) {
      try {
        jarFileSystem = FileSystems.newFileSystem(jar);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the banks built into " + jar + ": " + e.getMessage(), e);
      }
    }
    return jarFileSystem;
  }
}
