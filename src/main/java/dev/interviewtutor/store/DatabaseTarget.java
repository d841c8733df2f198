package dev.interviewtutor.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the data lives: an SQLite file (a plain path, the default) or a PostgreSQL server ({@code
 * jdbc:postgresql://host[:port]/database}). The user name and password of a server come only from
 * the environment ({@code TUTOR_DB_USER}, {@code TUTOR_DB_PASSWORD}); {@link #toString()} never
 * shows the password.
 *
 * @param file the SQLite file, null for a server
 * @param jdbcUrl the server's JDBC URL, null for a file
 * @param user user name for the server, empty for the driver's default
 * @param password password for the server, empty for none (never printed)
 */
public record DatabaseTarget(Path file, String jdbcUrl, String user, String password) {
  static final String POSTGRES_PREFIX = "jdbc:postgresql:";

  public DatabaseTarget {
    if ((file == null) == (jdbcUrl == null)) {
      throw new IllegalArgumentException("exactly one of file and jdbcUrl");
    }
    user = Objects.requireNonNullElse(user, "");
    password = Objects.requireNonNullElse(password, "");
  }

  /** An SQLite file. */
  public static DatabaseTarget sqlite(Path file) {
    return new DatabaseTarget(file, null, "", "");
  }

  /**
   * Reads the value of {@code TUTOR_DB}/{@code --db}: a {@code jdbc:postgresql:} URL is a server,
   * any other {@code jdbc:} URL is refused ({@link IllegalArgumentException} naming the setting),
   * everything else is an SQLite file path.
   */
  public static DatabaseTarget parse(String value, String user, String password) {
    String v = value.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.startsWith(POSTGRES_PREFIX)) {
      return new DatabaseTarget(null, v, user, password);
    }
    if (lower.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "TUTOR_DB='"
              + redact(v)
              + "' is a JDBC URL of a database this program"
              + " does not support: give an SQLite file path or a jdbc:postgresql://host/database URL");
    }
    // A file ignores them, but they are kept: db copy and bench-store read the server's account
    // from here.
    return new DatabaseTarget(Path.of(v), null, user, password);
  }

  public boolean isPostgres() {
    return jdbcUrl != null;
  }

  /**
   * The setting's value as given (path or URL), for re-reading; may contain URL parameters, not the
   * password.
   */
  public String value() {
    return isPostgres() ? jdbcUrl : file.toString();
  }

  /**
   * What to tell an operator: the absolute file, or the URL with any {@code password=} parameter
   * masked. Safe to log.
   */
  public String describe() {
    return isPostgres() ? redact(jdbcUrl) : file.toAbsolutePath().normalize().toString();
  }

  /** Masks a {@code password=...} URL parameter and any {@code user:password@} part. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }

  @Override
  public String toString() {
    return "DatabaseTarget["
        + describe()
        + (user.isEmpty() ? "" : ", user=" + user)
        + (password.isEmpty() ? "" : ", password=<set>")
        + "]";
  }
}
