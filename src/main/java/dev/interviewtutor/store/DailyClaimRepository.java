package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Who publishes a server's scheduled daily post ({@code daily_post_claims}): one row per server and
 * local date, taken by one atomic statement, so of several processes that find the same post due
 * exactly one sends it. A holder renews its own claim; a claim whose holder did not finish by
 * {@code claimed_until} may be taken over.
 */
public final class DailyClaimRepository {
  private DailyClaimRepository() {}

  /**
   * Takes (or renews) the claim for {@code holder} until {@code until}: true when this holder has
   * it now; false when another holder's claim is still live at {@code now}. One statement, atomic
   * on SQLite and PostgreSQL alike (on PostgreSQL a racing insert waits for the first one's commit
   * and then sees its row).
   */
  public static boolean tryHold(
      Connection c, long scopeId, String localDate, String holder, long now, long until)
      throws SQLException {
    return Sql.update(
            c,
            "INSERT INTO daily_post_claims (scope_id, scheduled_for, holder, claimed_until) VALUES"
                + " (?, ?, ?, ?) ON CONFLICT (scope_id, scheduled_for) DO UPDATE SET holder = excluded.holder,"
                + " claimed_until = excluded.claimed_until WHERE daily_post_claims.holder = excluded.holder"
                + " OR daily_post_claims.claimed_until < ?",
            scopeId,
            localDate,
            holder,
            until,
            now)
        > 0;
  }

  /**
   * Gives up {@code holder}'s claim (its post was not sent), so any process may send it at once.
   */
  public static void release(Connection c, long scopeId, String localDate, String holder)
      throws SQLException {
    Sql.update(
        c,
        "DELETE FROM daily_post_claims WHERE scope_id = ? AND scheduled_for = ? AND holder = ?",
        scopeId,
        localDate,
        holder);
  }

  /** The holder of a live or lapsed claim, if any. */
  public static Optional<String> holder(Connection c, long scopeId, String localDate)
      throws SQLException {
    return Sql.one(
        c,
        "SELECT holder FROM daily_post_claims WHERE scope_id = ? AND scheduled_for = ?",
        rs -> rs.getString(1),
        scopeId,
        localDate);
  }

  /** Deletes claims that lapsed before {@code before}; returns how many. */
  public static int prune(Connection c, long before) throws SQLException {
    return Sql.update(c, "DELETE FROM daily_post_claims WHERE claimed_until < ?", before);
  }
}
