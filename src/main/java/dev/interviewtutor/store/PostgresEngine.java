package dev.interviewtutor.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.interviewtutor.OperatorException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * A PostgreSQL server through a HikariCP pool. Several processes share it. A write transaction
 * first takes one transaction-scoped advisory lock ({@value #WRITE_LOCK}), so writes are serialised
 * across every process as they are on SQLite: the repositories read, then write, in one transaction
 * (a person's streak, whether an answer already counted today) and stay correct without retry
 * loops. Reads never wait for it.
 */
final class PostgresEngine implements Engine {
  /** Key of the advisory lock every write transaction holds ("tutor" in ASCII). */
  static final long WRITE_LOCK = 0x7475746f72L;

  private static final int POOL_SIZE = 8;

  private final DatabaseTarget target;
  private final HikariDataSource pool;

  private PostgresEngine(DatabaseTarget target, HikariDataSource pool) {
    this.target = target;
    this.pool = pool;
  }

  static PostgresEngine open(DatabaseTarget target, Duration lockTimeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("tutor-db");
    config.setJdbcUrl(target.jdbcUrl());
    if (!target.user().isEmpty()) {
      config.setUsername(target.user());
    }
    if (!target.password().isEmpty()) {
      config.setPassword(target.password());
    }
    config.setMaximumPoolSize(POOL_SIZE);
    config.setConnectionTimeout(Math.max(250, Math.min(30_000, lockTimeout.toMillis() * 2)));
    // A write waiting this long for another process's write gives a clear "busy" error instead of
    // hanging.
    config.setConnectionInitSql("SET lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
    try {
      return new PostgresEngine(target, new HikariDataSource(config));
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLException se) {
        throw translate(target, se, "connecting to");
      }
      throw new OperatorException(
          "Cannot connect to the PostgreSQL database "
              + target.describe()
              + ": "
              + e.getMessage()
              + ". Check TUTOR_DB (--db).",
          e);
    }
  }

  @Override
  public Dialect dialect() {
    return PostgresDialect.INSTANCE;
  }

  @Override
  public DataSource migrationSource() {
    return pool;
  }

  @Override
  public <T> T read(SqlWork<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    }
  }

  @Override
  public <T> T write(SqlWork<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      boolean committed = false;
      try {
        try (var ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          ps.setLong(1, WRITE_LOCK);
          ps.execute();
        }
        T result = work.run(c);
        c.commit();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          try {
            c.rollback();
          } catch (SQLException ignored) {
            // The connection is broken; the pool replaces it.
          }
        }
        // HikariCP restores autocommit when the connection goes back to the pool.
      }
    }
  }

  @Override
  public dev.interviewtutor.ops.PoolUsage poolUsage() {
    var mx = pool.isClosed() ? null : pool.getHikariPoolMXBean();
    if (mx == null) {
      return new dev.interviewtutor.ops.PoolUsage(0, 0, 0, pool.getMaximumPoolSize());
    }
    return new dev.interviewtutor.ops.PoolUsage(
        mx.getActiveConnections(),
        mx.getIdleConnections(),
        mx.getThreadsAwaitingConnection(),
        pool.getMaximumPoolSize());
  }

  /**
   * Every foreign key and check constraint is validated (none was added {@code NOT VALID} and left
   * so).
   */
  @Override
  public String integrityCheck() throws SQLException {
    List<String> unvalidated =
        read(
            c ->
                Sql.list(
                    c,
                    "SELECT conrelid::regclass || '.' || conname FROM pg_constraint"
                        + " WHERE NOT convalidated AND connamespace = current_schema()::regnamespace",
                    rs -> rs.getString(1)));
    return unvalidated.isEmpty() ? "ok" : "not validated: " + String.join(", ", unvalidated);
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public RuntimeException translate(SQLException e, String doing) {
    return translate(target, e, doing);
  }

  static RuntimeException translate(DatabaseTarget target, SQLException e, String doing) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String where = "the PostgreSQL database " + target.describe();
    if (state.startsWith("08")) {
      return new OperatorException(
          "Cannot reach "
              + where
              + " while "
              + doing
              + " it ("
              + firstLine(e)
              + "). Check that the server runs and accepts connections, or fix TUTOR_DB (--db).",
          e);
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return new OperatorException(
          where
              + " refused the login"
              + (target.user().isEmpty() ? "" : " of user '" + target.user() + "'")
              + ": set TUTOR_DB_USER and TUTOR_DB_PASSWORD (environment only)"
              + " to an account of that server.",
          e);
    }
    if (state.equals("3D000")) {
      return new OperatorException(
          where
              + " does not exist on that server: create it (createdb) or fix"
              + " TUTOR_DB (--db).",
          e);
    }
    if (state.equals("55P03") || state.equals("57014") || state.equals("40P01")) {
      return new OperatorException(
          where
              + " is busy: a lock was not granted in time while "
              + doing
              + " ("
              + firstLine(e)
              + "). Try again; if it persists, look for a stuck session on the server.",
          e);
    }
    if (state.equals("25006") || state.equals("42501")) {
      return new OperatorException(
          where
              + " cannot be written by this user ("
              + firstLine(e)
              + "). Grant"
              + " the TUTOR_DB_USER account write access, or choose another database with TUTOR_DB (--db).",
          e);
    }
    if (state.equals("53100")) {
      return new OperatorException("The disk of " + where + " is full.", e);
    }
    return new StoreException(
        "Database error while " + doing + " " + target.describe() + ": " + firstLine(e), e);
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
