package dev.interviewtutor.store;

import dev.interviewtutor.OperatorException;
import dev.interviewtutor.UserFacingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway: {@code db/migration/<dialect>/} holds the scripts of
 * one dialect ({@code sqlite}: V1–V4 and the Java V5 table rebuild, {@link
 * RebuildPeopleWithAutoincrement}; {@code postgresql}: V5 creates the whole schema of that
 * version), {@code db/migration/common/} the scripts from V6 on that both run as they are, so a
 * version number means the same schema on both.
 *
 * <p>An SQLite file written before Flyway (V1–V5 recorded by the old runner in {@code
 * schema_version}) is baselined at the version found there and upgraded from it. A database of a
 * newer program is refused. When two processes migrate the same SQLite file at once (Flyway does
 * not lock an SQLite history table), the loser's transaction fails and is rolled back; it then
 * finds the migrations applied and carries on.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /**
   * The history table the tutor used before Flyway; kept so an old program refuses the file
   * clearly.
   */
  static final String OLD_HISTORY = "schema_version";

  /**
   * The newest schema version this program's scripts make (the highest {@code V*} in {@code
   * db/migration}); a test keeps it equal to what Flyway resolves, so a new script that forgets it
   * fails the build.
   */
  static final String LATEST_VERSION = "11";

  private Migrations() {}

  static void apply(Database db) {
    if (upToDate(db)) {
      return;
    }
    try {
      migrate(db);
    } catch (FlywayException first) {
      // Another process may have applied the same migration in between; if so, nothing is left to
      // do.
      if (pending(db) > 0) {
        throw failed(db, first);
      }
      LOG.debug(
          "Migration of {} raced another process, which applied it: {}",
          db.describe(),
          first.getMessage());
    }
  }

  /**
   * Whether an SQLite file's history already ends, successfully, at {@link #LATEST_VERSION} with no
   * failed migration: then there is nothing to do, and starting Flyway (hundreds of classes, a scan
   * of the jar) would cost a terminal command a good part of its start-up. Anything else (a new,
   * old, newer or foreign history, a PostgreSQL server shared by several processes) goes through
   * Flyway as before.
   */
  static boolean upToDate(Database db) {
    if (!(db.dialect() instanceof SqliteDialect)) {
      return false;
    }
    try {
      return db.read(
          c -> {
            if (Sql.count(
                    c,
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")
                == 0) {
              return false;
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0") > 0) {
              return false;
            }
            Optional<String> last =
                Sql.one(
                    c,
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1",
                    rs -> rs.getString(1));
            return last.filter(LATEST_VERSION::equals).isPresent();
          });
    } catch (RuntimeException e) {
      LOG.debug(
          "Checking the schema version of {} quickly failed; Flyway checks it: {}",
          db.describe(),
          e.toString());
      return false;
    }
  }

  private static void migrate(Database db) {
    Flyway flyway = flyway(db);
    MigrationInfoService info = flyway.info();
    refuseNewer(db, info.all());
    if (info.pending().length == 0) {
      return;
    }
    var result = flyway.migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "Database {} migrated to schema version {}", db.describe(), result.targetSchemaVersion);
    }
  }

  private static int pending(Database db) {
    try {
      return flyway(db).info().pending().length;
    } catch (FlywayException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static RuntimeException failed(Database db, FlywayException e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof SQLException)) {
      cause = cause.getCause();
    }
    if (cause instanceof SQLException se) {
      RuntimeException translated = db.translate(se, "migrating");
      if (translated instanceof UserFacingException || translated instanceof OperatorException) {
        return translated;
      }
    }
    return new StoreException(
        "Cannot migrate the database " + db.describe() + ": " + e.getMessage(), e);
  }

  static Flyway flyway(Database db) {
    Dialect dialect = db.dialect();
    FluentConfiguration config =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(db.engine().migrationSource())
            .locations(dialect.migrationLocations().toArray(String[]::new))
            .loggers("slf4j")
            .validateMigrationNaming(true);
    if (dialect instanceof SqliteDialect) {
      config.javaMigrations(new RebuildPeopleWithAutoincrement());
      Optional<Integer> old = db.read(Migrations::oldRunnerVersion);
      if (old.isPresent()) {
        config
            .baselineOnMigrate(true)
            .baselineVersion(MigrationVersion.fromVersion(old.get().toString()))
            .baselineDescription("recorded in schema_version by the runner before Flyway");
      }
    }
    return config.load();
  }

  /**
   * The version the pre-Flyway runner recorded, when the file has its table but no Flyway history
   * yet (from then on Flyway's history is the one that counts).
   */
  private static Optional<Integer> oldRunnerVersion(Connection c) throws SQLException {
    List<String> tables =
        Sql.list(
            c,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
            rs -> rs.getString(1),
            OLD_HISTORY,
            "flyway_schema_history");
    if (!tables.contains(OLD_HISTORY) || tables.contains("flyway_schema_history")) {
      return Optional.empty();
    }
    return Sql.one(
        c,
        "SELECT MAX(version) FROM " + OLD_HISTORY,
        rs -> {
          int v = rs.getInt(1);
          return rs.wasNull() ? null : v;
        });
  }

  private static void refuseNewer(Database db, MigrationInfo[] all) {
    String known =
        Arrays.stream(all)
            .filter(i -> i.getState().isResolved() && i.getVersion() != null)
            .map(MigrationInfo::getVersion)
            .max(MigrationVersion::compareTo)
            .map(MigrationVersion::getVersion)
            .orElse("0");
    Optional<MigrationInfo> future =
        Arrays.stream(all)
            .filter(
                i ->
                    i.getState() == MigrationState.FUTURE_SUCCESS
                        || i.getState() == MigrationState.FUTURE_FAILED)
            .reduce((a, b) -> b);
    if (future.isPresent()) {
      throw newer(db, future.get().getVersion().getVersion(), known);
    }
    if (db.dialect() instanceof SqliteDialect) {
      Optional<Integer> old = db.read(Migrations::oldRunnerVersion);
      if (old.isPresent()
          && MigrationVersion.fromVersion(old.get().toString())
                  .compareTo(MigrationVersion.fromVersion(known))
              > 0) {
        throw newer(db, old.get().toString(), known);
      }
    }
  }

  private static UserFacingException newer(Database db, String found, String known) {
    return new UserFacingException(
        "The database "
            + db.describe()
            + " has schema version "
            + found
            + " but this"
            + " program knows only up to "
            + known
            + ": it was written by a newer Interview Tutor. Upgrade, or choose"
            + " another database with --db or TUTOR_DB.");
  }

  /** The schema version applied ("0" for none), such as "5" or "6". */
  static String currentVersion(Database db) {
    MigrationInfo current = flyway(db).info().current();
    return current == null || current.getVersion() == null
        ? "0"
        : current.getVersion().getVersion();
  }

  /** The newest schema version this program knows. */
  static String latestVersion(Database db) {
    return Arrays.stream(flyway(db).info().all())
        .filter(i -> i.getState().isResolved() && i.getVersion() != null)
        .map(MigrationInfo::getVersion)
        .max(MigrationVersion::compareTo)
        .map(MigrationVersion::getVersion)
        .orElse("0");
  }
}
