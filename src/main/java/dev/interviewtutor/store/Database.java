package dev.interviewtutor.store;

import dev.interviewtutor.OperatorException;
import dev.interviewtutor.UserFacingException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tutor's database: one SQLite file (the default; {@link SqliteEngine}) or a PostgreSQL server
 * shared by several processes ({@link PostgresEngine}), migrated by Flyway when opened ({@link
 * Migrations}). Work runs through {@link #read} and {@link #write}; every write is one transaction,
 * and writes are serialised on both backends (the repositories read, then write, inside one
 * transaction and rely on it). The same repositories run on both; what differs is in the {@link
 * Dialect}. A bad path or target given at open (a directory, another program's file, a schema from
 * a newer release) is a {@link UserFacingException}; a database the operator must fix (a corrupt,
 * locked, read-only or full file; an unreachable server, a wrong password, a missing database) is
 * an {@link OperatorException} naming the file or URL and the setting (for the operator's terminal
 * or log; a Discord member is told the tutor is busy). Thread-safe.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Default time a statement waits for another process's lock before giving up. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

  private final DatabaseTarget target;
  private final Engine engine;
  private volatile boolean closed;

  private Database(DatabaseTarget target, Engine engine) {
    this.target = target;
    this.engine = engine;
  }

  /**
   * Opens (creating parent directories and the file if needed) and migrates an SQLite database
   * file.
   */
  public static Database open(Path file) {
    return open(DatabaseTarget.sqlite(file), DEFAULT_BUSY_TIMEOUT);
  }

  /** As {@link #open(Path)} with a chosen busy timeout (tests use a short one). */
  public static Database open(Path file, Duration busyTimeout) {
    return open(DatabaseTarget.sqlite(file), busyTimeout);
  }

  /** Opens and migrates the database of {@code TUTOR_DB}: an SQLite file or a PostgreSQL server. */
  public static Database open(DatabaseTarget target) {
    return open(target, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * As {@link #open(DatabaseTarget)} with a chosen lock wait (SQLite busy timeout, PostgreSQL lock
   * timeout).
   */
  public static Database open(DatabaseTarget target, Duration busyTimeout) {
    Engine engine =
        target.isPostgres()
            ? PostgresEngine.open(target, busyTimeout)
            : SqliteEngine.open(target.file(), busyTimeout);
    Database db = new Database(target, engine);
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    LOG.debug("Opened database {}", target.describe());
    return db;
  }

  /** The SQLite database file (absolute); only for an SQLite database. */
  public Path file() {
    if (target.isPostgres()) {
      throw new IllegalStateException("a PostgreSQL database has no file: " + target.describe());
    }
    return target.file().toAbsolutePath().normalize();
  }

  public DatabaseTarget target() {
    return target;
  }

  /** The absolute file or the URL (password masked): safe to log and show to an operator. */
  public String describe() {
    return target.describe();
  }

  public Dialect dialect() {
    return engine.dialect();
  }

  Engine engine() {
    return engine;
  }

  /** Runs read-only work on a pooled connection (autocommit; one statement sees one snapshot). */
  public <T> T read(SqlWork<T> work) {
    ensureOpen();
    try {
      return engine.read(work);
    } catch (SQLException e) {
      throw translate(e, "reading");
    }
  }

  /** Runs work in one write transaction: all of it is committed, or none of it. */
  public <T> T write(SqlWork<T> work) {
    ensureOpen();
    try {
      return engine.write(work);
    } catch (SQLException e) {
      throw translate(e, "writing");
    }
  }

  /** As {@link #write} for work without a result. */
  public void writeVoid(SqlVoidWork work) {
    write(
        c -> {
          work.run(c);
          return null;
        });
  }

  /** Work without a result. */
  @FunctionalInterface
  public interface SqlVoidWork {
    void run(Connection connection) throws SQLException;
  }

  /**
   * "ok" for a sound database: SQLite's {@code PRAGMA integrity_check} and {@code
   * foreign_key_check}; on PostgreSQL (which enforces every constraint on write) a round trip that
   * reads every table's row count.
   */
  public String integrityCheck() {
    ensureOpen();
    try {
      return engine.integrityCheck();
    } catch (SQLException e) {
      throw translate(e, "checking");
    }
  }

  /** The connections now (in use, idle, waiting), for the operator's metrics; zeros once closed. */
  public dev.interviewtutor.ops.PoolUsage poolUsage() {
    return engine.poolUsage();
  }

  /** "sqlite" or "postgresql": the backend's name in metrics. */
  public String backend() {
    return target.isPostgres() ? "postgresql" : "sqlite";
  }

  /**
   * Throws unless the database answers a trivial query now (closed, server down, wrong password,
   * file gone); the exception's message names the database (password masked). For the readiness
   * check.
   */
  public void ping() {
    read(
        c -> {
          try (var s = c.createStatement();
              var rs = s.executeQuery("SELECT 1")) {
            return rs.next();
          }
        });
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    engine.close();
  }

  /** Maps a driver error to a clear message naming the database when the operator can act on it. */
  RuntimeException translate(SQLException e, String doing) {
    return engine.translate(e, doing);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("database " + target.describe() + " is closed");
    }
  }
}
