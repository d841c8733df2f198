package dev.interviewtutor.store;

import dev.interviewtutor.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code db/migration/V<n>__<description>.sql} in order, each in its own transaction, recording it in
 * {@code schema_version}. The list of files is {@code db/migration/migrations.txt} (class-path resources cannot be
 * listed inside a jar). A database newer than this program is refused. A script marked {@value #FOREIGN_KEYS_OFF}
 * (a table rebuild) runs with foreign keys off around its transaction and checked before its commit.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final String DIR = "db/migration/";
  static final String FOREIGN_KEYS_OFF = "-- migration: foreign_keys=OFF";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

  /** One migration file. */
  record Migration(int version, String description, String resource) {}

  private Migrations() {}

  static List<Migration> available() {
    List<Migration> result = new ArrayList<>();
    for (String line : resource(DIR + "migrations.txt").split("\\R")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException("bad migration file name in migrations.txt: " + name);
      }
      int version = Integer.parseInt(m.group(1));
      if (version != result.size() + 1) {
        throw new IllegalStateException("migrations must be numbered 1, 2, 3 ... without gaps: " + name);
      }
      result.add(new Migration(version, m.group(2).replace('_', ' '), DIR + name));
    }
    return result;
  }

  static void apply(Database db) {
    List<Migration> migrations = available();
    db.writeVoid(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT"
            + " NULL, applied_at INTEGER NOT NULL)");
      }
    });
    int current = currentVersion(db);
    if (current > migrations.size()) {
      throw new UserFacingException("The database file " + db.file() + " has schema version " + current
          + " but this program knows only up to " + migrations.size() + ": it was written by a newer Interview"
          + " Tutor. Upgrade, or choose another file with --db or TUTOR_DB.");
    }
    for (Migration m : migrations) {
      String script = resource(m.resource());
      Database.SqlVoidWork migrate = c -> {
        // Re-checked inside the transaction: another process may have migrated meanwhile.
        if (version(c) >= m.version()) {
          return;
        }
        for (String sql : statements(script)) {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
          ps.setInt(1, m.version());
          ps.setString(2, m.description());
          ps.setLong(3, System.currentTimeMillis());
          ps.executeUpdate();
        }
        LOG.debug("Applied database migration V{} ({}) to {}", m.version(), m.description(), db.file());
      };
      if (rebuildsTables(script)) {
        db.writeWithForeignKeysOff(migrate);
      } else {
        db.writeVoid(migrate);
      }
    }
  }

  /**
   * A script that starts a line with {@value #FOREIGN_KEYS_OFF} rebuilds tables other tables reference: it runs
   * with foreign keys off, and they are all checked before it commits.
   */
  static boolean rebuildsTables(String script) {
    return script.lines().anyMatch(line -> line.strip().startsWith(FOREIGN_KEYS_OFF));
  }

  static int currentVersion(Database db) {
    return db.read(Migrations::version);
  }

  private static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Splits a script on semicolons that end a line, dropping {@code --} comment lines. */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        result.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }

  private static String resource(String name) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }
}
