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
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * One SQLite file: WAL, foreign keys on, a busy timeout, {@code synchronous=NORMAL} (in WAL mode a
 * commit is appended to the WAL and survives a killed process; only an OS crash or power loss may
 * lose the last commits, never corrupt the file), a checkpoint every {@value
 * #WAL_AUTOCHECKPOINT_PAGES} WAL pages. Every write is one {@code BEGIN IMMEDIATE} transaction on
 * the one writer connection, and writes inside this process are serialised, so they never fail with
 * "busy" against each other. The file is marked as the tutor's with {@code PRAGMA application_id};
 * another program's database is refused before anything is written to it.
 */
final class SqliteEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteEngine.class);

  /** {@code PRAGMA application_id} of the tutor's files: "ITut" in ASCII. */
  static final int APPLICATION_ID = 0x49547574;

  private static final int MAX_IDLE_READERS = 4;

  /**
   * WAL pages (4 KB) after which a commit checkpoints by itself: only a backstop, normally the
   * background checkpointer copies the WAL back long before (its fsyncs then never hold up a
   * commit).
   */
  static final int WAL_AUTOCHECKPOINT_PAGES = 50_000;

  /** Time the background checkpointer lets commits accumulate before copying them back. */
  static final Duration CHECKPOINT_DELAY = Duration.ofMillis(200);

  private final Path file;
  private final Duration busyTimeout;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Deque<Connection> idleReaders = new ArrayDeque<>();

  /** Readers borrowed and not yet returned (for the operator's metrics). */
  private final java.util.concurrent.atomic.AtomicInteger readersInUse =
      new java.util.concurrent.atomic.AtomicInteger();

  private Connection writer;
  private Thread checkpointer;
  private Connection checkpointConnection;

  /** Released after commits: wakes the checkpointer. */
  private final Semaphore commits = new Semaphore(0);

  private volatile boolean closed;

  private SqliteEngine(Path file, Duration busyTimeout) {
    this.file = file;
    this.busyTimeout = busyTimeout;
  }

  static SqliteEngine open(Path file, Duration busyTimeout) {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UserFacingException(
          "Cannot create the directory for the database file "
              + absolute
              + ": "
              + e
              + ". Choose another location with --db or TUTOR_DB.",
          e);
    }
    if (Files.isDirectory(absolute)) {
      throw new UserFacingException(
          "The database file "
              + absolute
              + " is a directory. Give a file path, such as "
              + absolute.resolve("tutor.db")
              + ", with --db or TUTOR_DB.");
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new UserFacingException(readOnlyMessage(absolute));
    }
    SqliteEngine engine = new SqliteEngine(absolute, busyTimeout);
    try {
      engine.claimFile();
      engine.startCheckpointer();
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  @Override
  public Dialect dialect() {
    return SqliteDialect.INSTANCE;
  }

  Path file() {
    return file;
  }

  /**
   * Refuses another program's SQLite file (tables, but not ours) before anything is written to it
   * (a read-only look: even switching the journal to WAL would change its header), and marks a new
   * or older tutor file as ours. A tutor file from before the mark has the tutor's history table
   * ({@code schema_version} or Flyway's).
   */
  private void claimFile() {
    try {
      boolean hasContent = Files.exists(file) && Files.size(file) > 0;
      if (hasContent) {
        SQLiteConfig probe = new SQLiteConfig();
        probe.setReadOnly(true);
        probe.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        try (Connection c = probe.createConnection("jdbc:sqlite:" + file)) {
          if (applicationId(c) != APPLICATION_ID) {
            refuseForeign(c);
          }
        }
      }
      writer = connect();
      if (applicationId(writer) != APPLICATION_ID) {
        try (Statement s = writer.createStatement()) {
          s.execute("PRAGMA application_id = " + APPLICATION_ID);
        }
        LOG.debug("Marked {} as an Interview Tutor database", file);
      }
    } catch (SQLException e) {
      throw translate(e, "opening");
    } catch (IOException e) {
      throw new UserFacingException(
          "Cannot read the database file "
              + file
              + ": "
              + e
              + ". Choose another file"
              + " with --db or TUTOR_DB.",
          e);
    }
  }

  private static int applicationId(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("PRAGMA application_id")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private void refuseForeign(Connection c) throws SQLException {
    int id = applicationId(c);
    List<String> tables =
        Sql.list(
            c,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                + " 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            rs -> rs.getString(1));
    boolean olderTutorFile =
        tables.contains("people")
            && (tables.contains(Migrations.OLD_HISTORY)
                || tables.contains("flyway_schema_history"));
    if (id != 0 || !(tables.isEmpty() || olderTutorFile)) {
      String shown =
          tables.size() > 5
              ? String.join(", ", tables.subList(0, 5)) + ", ..."
              : String.join(", ", tables);
      throw new UserFacingException(
          "The file "
              + file
              + " is another program's SQLite database, not Interview"
              + " Tutor's ("
              + (id != 0 ? "application_id " + id : "its tables: " + shown)
              + "); the tutor will not"
              + " add its tables to it. Choose another file with --db or TUTOR_DB.");
    }
  }

  @Override
  public DataSource migrationSource() {
    SQLiteDataSource ds = new SQLiteDataSource(config());
    ds.setUrl("jdbc:sqlite:" + file);
    return ds;
  }

  @Override
  public <T> T read(SqlWork<T> work) throws SQLException {
    Connection c = borrowReader();
    readersInUse.incrementAndGet();
    boolean healthy = true;
    try {
      return work.run(c);
    } catch (SQLException | RuntimeException e) {
      healthy = !(e instanceof SQLException);
      throw e;
    } finally {
      readersInUse.decrementAndGet();
      returnReader(c, healthy);
    }
  }

  @Override
  public <T> T write(SqlWork<T> work) throws SQLException {
    writeLock.lock();
    try {
      Connection c = writer;
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
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
   * The writer (busy while it holds the write lock) and the readers; readers have no fixed limit.
   */
  @Override
  public dev.interviewtutor.ops.PoolUsage poolUsage() {
    if (closed) {
      return new dev.interviewtutor.ops.PoolUsage(0, 0, 0, -1);
    }
    int writing = writeLock.isLocked() ? 1 : 0;
    int idle;
    synchronized (idleReaders) {
      idle = idleReaders.size();
    }
    return new dev.interviewtutor.ops.PoolUsage(
        writing + readersInUse.get(), idle + 1 - writing, writeLock.getQueueLength(), -1);
  }

  @Override
  public String integrityCheck() throws SQLException {
    return read(
        c -> {
          StringBuilder out = new StringBuilder();
          try (Statement s = c.createStatement();
              var rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
              out.append(out.isEmpty() ? "" : "\n").append(rs.getString(1));
            }
          }
          try (Statement s = c.createStatement();
              var rs = s.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
              out.append("\nforeign key broken: ")
                  .append(rs.getString(1))
                  .append(" row ")
                  .append(rs.getLong(2));
            }
          }
          return out.toString();
        });
  }

  /**
   * Starts the thread that copies committed WAL pages back into the database file ({@code PRAGMA
   * wal_checkpoint(PASSIVE)} on its own connection) a little after commits, so the checkpoint and
   * its fsyncs run beside the writer instead of inside whichever commit crosses the auto-checkpoint
   * size. A passive checkpoint never blocks the writer or readers; the writer's own auto-checkpoint
   * stays as a backstop.
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
        idleReaders.forEach(SqliteEngine::closeQuietly);
        idleReaders.clear();
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public RuntimeException translate(SQLException e, String doing) {
    String code = e instanceof SQLiteException se ? se.getResultCode().name() : "";
    if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
      return new OperatorException(
          "The database file "
              + file
              + " is not a valid SQLite database or is corrupt ("
              + code
              + "). Move it"
              + " aside (keep it if you want to try recovering it with `sqlite3 .recover`) or choose another file"
              + " with --db or TUTOR_DB.",
          e);
    }
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      return new OperatorException(
          "The database file "
              + file
              + " is locked by another program (waited "
              + busyTimeout.toMillis()
              + " ms while "
              + doing
              + "). Close the other Interview Tutor or bot using it, or choose another"
              + " file with --db or TUTOR_DB.",
          e);
    }
    if (code.startsWith("SQLITE_READONLY")
        || code.startsWith("SQLITE_CANTOPEN")
        || code.startsWith("SQLITE_PERM")
        || code.startsWith("SQLITE_AUTH")) {
      return new OperatorException(readOnlyMessage(file) + " (" + code + ")", e);
    }
    if (code.startsWith("SQLITE_FULL")) {
      return new OperatorException("The disk holding the database file " + file + " is full.", e);
    }
    return new StoreException(
        "Database error while " + doing + " " + file + ": " + e.getMessage(), e);
  }

  private static String readOnlyMessage(Path file) {
    return "The database file "
        + file
        + " (or its directory) cannot be written: it is read-only for this user."
        + " Make it writable, or choose another file with --db or TUTOR_DB";
  }

  private SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    return config;
  }

  private Connection connect() {
    SQLiteConfig config = config();
    try {
      config.setCacheSize(
          -32_000); // 32 MB page cache per connection (the default 2 MB thrashes on big boards)
      config.setPragma(
          SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L << 20)); // reads without syscalls
      Connection c = config.createConnection("jdbc:sqlite:" + file);
      // Force the header to be read now so a corrupt file is reported here, not later.
      try (Statement s = c.createStatement();
          var rs = s.executeQuery("PRAGMA schema_version")) {
        rs.next();
      } catch (SQLException e) {
        closeQuietly(c);
        throw e;
      }
      try (Statement s = c.createStatement()) {
        // The background checkpointer copies the WAL back; a commit checkpoints by itself only past
        // ~200 MB of
        // WAL (a backstop if the checkpointer falls behind). The WAL file is truncated back to 64
        // MB after a
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
