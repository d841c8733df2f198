package dev.interviewtutor.store;

import dev.interviewtutor.OperatorException;
import dev.interviewtutor.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one SQLite database file: WAL, foreign keys on, a busy timeout, {@code synchronous=NORMAL} (in WAL mode a
 * commit is appended to the WAL and survives a killed process; only an OS crash or power loss may lose the last
 * commits, never corrupt the file), a checkpoint every {@value #WAL_AUTOCHECKPOINT_PAGES} WAL pages, migrations
 * applied when opened. Work runs through {@link #read} and {@link #write}; every write is one transaction
 * ({@code BEGIN IMMEDIATE}) and writes inside this process are serialised, so they never fail with "busy"
 * against each other. A bad path given at open is a {@link UserFacingException}; a file that is corrupt, locked,
 * read-only or on a full disk while running is an {@link OperatorException} naming the file (for the operator's
 * terminal or log; a Discord member is told the tutor is busy). Thread-safe.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /** Default time a statement waits for another process's lock before giving up. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_IDLE_READERS = 4;
  /**
   * WAL pages (4 KB) after which a commit checkpoints by itself: only a backstop, normally the background
   * checkpointer copies the WAL back long before (its fsyncs then never hold up a commit).
   */
  static final int WAL_AUTOCHECKPOINT_PAGES = 50_000;
  /** Time the background checkpointer lets commits accumulate before copying them back. */
  static final Duration CHECKPOINT_DELAY = Duration.ofMillis(200);

  private final Path file;
  private final Duration busyTimeout;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Deque<Connection> idleReaders = new ArrayDeque<>();
  private Connection writer;
  private Thread checkpointer;
  private Connection checkpointConnection;
  /** Released after commits: wakes the checkpointer. */
  private final Semaphore commits = new Semaphore(0);
  private volatile boolean closed;

  private Database(Path file, Duration busyTimeout) {
    this.file = file;
    this.busyTimeout = busyTimeout;
  }

  /** Opens (creating parent directories and the file if needed) and migrates the database. */
  public static Database open(Path file) {
    return open(file, DEFAULT_BUSY_TIMEOUT);
  }

  /** As {@link #open(Path)} with a chosen busy timeout (tests use a short one). */
  public static Database open(Path file, Duration busyTimeout) {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UserFacingException(
          "Cannot create the directory for the database file " + absolute + ": " + e
              + ". Choose another location with --db or TUTOR_DB.", e);
    }
    if (Files.isDirectory(absolute)) {
      throw new UserFacingException("The database file " + absolute + " is a directory. Give a file path, such as "
          + absolute.resolve("tutor.db") + ", with --db or TUTOR_DB.");
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new UserFacingException(readOnlyMessage(absolute));
    }
    Database db = new Database(absolute, busyTimeout);
    try {
      db.writer = db.connect();
      Migrations.apply(db);
      db.startCheckpointer();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    LOG.debug("Opened database {}", absolute);
    return db;
  }

  /** The database file (absolute). */
  public Path file() {
    return file;
  }

  /** Runs read-only work on a pooled connection (autocommit; one statement sees one snapshot). */
  public <T> T read(SqlWork<T> work) {
    ensureOpen();
    Connection c = borrowReader();
    boolean healthy = true;
    try {
      return work.run(c);
    } catch (SQLException e) {
      healthy = false;
      throw translate(e, "reading");
    } finally {
      returnReader(c, healthy);
    }
  }

  /** Runs work in one write transaction: all of it is committed, or none of it. */
  public <T> T write(SqlWork<T> work) {
    ensureOpen();
    writeLock.lock();
    try {
      Connection c = writer;
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      } catch (SQLException e) {
        throw translate(e, "starting a write");
      }
      boolean committed = false;
      try {
        T result = work.run(c);
        try (Statement s = c.createStatement()) {
          s.execute("COMMIT");
        }
        committed = true;
        if (commits.availablePermits() == 0) {
          commits.release();
        }
        return result;
      } catch (SQLException e) {
        throw translate(e, "writing");
      } finally {
        if (!committed) {
          rollbackQuietly(c);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * As {@link #writeVoid}, with foreign-key enforcement off around the transaction and every foreign key checked
   * before the commit: SQLite's procedure for rebuilding a table that other tables reference (dropping the old
   * table must not cascade; the pragma has no effect inside a transaction, so it is set around it).
   */
  void writeWithForeignKeysOff(SqlVoidWork work) {
    ensureOpen();
    writeLock.lock();
    try {
      setForeignKeys(false);
      try {
        writeVoid(c -> {
          work.run(c);
          try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA foreign_key_check")) {
            if (rs.next()) {
              throw new StoreException("Foreign key broken in " + file + ": table " + rs.getString(1) + " row "
                  + rs.getLong(2) + " references a missing row of " + rs.getString(3), null);
            }
          }
        });
      } finally {
        setForeignKeys(true);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private void setForeignKeys(boolean on) {
    try (Statement s = writer.createStatement()) {
      s.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
    } catch (SQLException e) {
      throw translate(e, "setting foreign keys " + (on ? "on" : "off") + " for");
    }
  }

  /** As {@link #write} for work without a result. */
  public void writeVoid(SqlVoidWork work) {
    write(c -> {
      work.run(c);
      return null;
    });
  }

  /** Work without a result. */
  @FunctionalInterface
  public interface SqlVoidWork {
    void run(Connection connection) throws SQLException;
  }

  /** {@code PRAGMA integrity_check}: "ok" for a sound file. */
  public String integrityCheck() {
    return read(c -> {
      try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA integrity_check")) {
        StringBuilder out = new StringBuilder();
        while (rs.next()) {
          out.append(out.isEmpty() ? "" : "\n").append(rs.getString(1));
        }
        return out.toString();
      }
    });
  }

  /**
   * Starts the thread that copies committed WAL pages back into the database file ({@code PRAGMA
   * wal_checkpoint(PASSIVE)} on its own connection) a little after commits, so the checkpoint and its fsyncs run
   * beside the writer instead of inside whichever commit crosses the auto-checkpoint size. A passive checkpoint
   * never blocks the writer or readers; the writer's own auto-checkpoint stays as a backstop.
   */
  private void startCheckpointer() {
    checkpointConnection = connect();
    checkpointer = new Thread(this::checkpointLoop, "sqlite-checkpoint " + file.getFileName());
    checkpointer.setDaemon(true);
    checkpointer.start();
  }

  private void checkpointLoop() {
    while (!closed) {
      try {
        commits.acquire();
        commits.drainPermits();
        Thread.sleep(CHECKPOINT_DELAY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      if (closed) {
        return;
      }
      try (Statement s = checkpointConnection.createStatement();
          var rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
        rs.next();
      } catch (SQLException e) {
        // The next commit's checkpoint (or the writer's own auto-checkpoint) catches up.
        LOG.debug("Background checkpoint of {} failed: {}", file, e.getMessage());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (checkpointer != null) {
      checkpointer.interrupt();
      try {
        checkpointer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeQuietly(checkpointConnection);
    }
    writeLock.lock();
    try {
      closeQuietly(writer);
      synchronized (idleReaders) {
        idleReaders.forEach(Database::closeQuietly);
        idleReaders.clear();
      }
    } finally {
      writeLock.unlock();
    }
  }

  Connection writerForMigrations() {
    return writer;
  }

  /** Maps an SQLite error to a clear message for the operator, naming the file, when they can act on it. */
  RuntimeException translate(SQLException e, String doing) {
    String code = e instanceof SQLiteException se ? se.getResultCode().name() : "";
    if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
      return new OperatorException(
          "The database file " + file + " is not a valid SQLite database or is corrupt (" + code + "). Move it"
              + " aside (keep it if you want to try recovering it with `sqlite3 .recover`) or choose another file"
              + " with --db or TUTOR_DB.", e);
    }
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      return new OperatorException(
          "The database file " + file + " is locked by another program (waited " + busyTimeout.toMillis()
              + " ms while " + doing + "). Close the other Interview Tutor or bot using it, or choose another"
              + " file with --db or TUTOR_DB.", e);
    }
    if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")
        || code.startsWith("SQLITE_PERM") || code.startsWith("SQLITE_AUTH")) {
      return new OperatorException(readOnlyMessage(file) + " (" + code + ")", e);
    }
    if (code.startsWith("SQLITE_FULL")) {
      return new OperatorException("The disk holding the database file " + file + " is full.", e);
    }
    return new StoreException("Database error while " + doing + " " + file + ": " + e.getMessage(), e);
  }

  private static String readOnlyMessage(Path file) {
    return "The database file " + file + " (or its directory) cannot be written: it is read-only for this user."
        + " Make it writable, or choose another file with --db or TUTOR_DB";
  }

  private Connection connect() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    try {
      config.setCacheSize(-32_000); // 32 MB page cache per connection (the default 2 MB thrashes on big boards)
      config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L << 20)); // reads without syscalls
      Connection c = config.createConnection("jdbc:sqlite:" + file);
      // Force the header to be read now so a corrupt file is reported here, not later.
      try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA schema_version")) {
        rs.next();
      } catch (SQLException e) {
        closeQuietly(c);
        throw e;
      }
      try (Statement s = c.createStatement()) {
        // The background checkpointer copies the WAL back; a commit checkpoints by itself only past ~200 MB of
        // WAL (a backstop if the checkpointer falls behind). The WAL file is truncated back to 64 MB after a
        // checkpoint (docs/store-benchmark.md).
        s.execute("PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
        s.execute("PRAGMA journal_size_limit = " + (64L << 20));
      }
      Sql.enableCache(c);
      return c;
    } catch (SQLException e) {
      throw translate(e, "opening");
    }
  }

  private Connection borrowReader() {
    synchronized (idleReaders) {
      Connection c = idleReaders.pollFirst();
      if (c != null) {
        return c;
      }
    }
    return connect();
  }

  private void returnReader(Connection c, boolean healthy) {
    if (healthy && !closed) {
      synchronized (idleReaders) {
        if (idleReaders.size() < MAX_IDLE_READERS) {
          idleReaders.addFirst(c);
          return;
        }
      }
    }
    closeQuietly(c);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("database " + file + " is closed");
    }
  }

  private static void rollbackQuietly(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // The transaction may already have been rolled back by SQLite itself.
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    Sql.dropCache(c);
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing useful to do while closing.
    }
  }
}
