package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A server's own banks as uploaded ({@code /bank upload}) and which shipped banks it has switched
 * off.
 */
public final class ServerBankRepository {
  private ServerBankRepository() {}

  /**
   * One uploaded bank.
   *
   * @param scopeId the server's scope
   * @param name the bank's name on that server (from the file name, e.g. "docker")
   * @param content the Markdown as uploaded
   * @param questions how many questions it had when uploaded
   * @param uploadedBy who uploaded it (a person key)
   * @param uploadedAt epoch milliseconds
   */
  public record StoredBank(
      long scopeId,
      String name,
      String content,
      int questions,
      String uploadedBy,
      long uploadedAt) {}

  /** The server's banks, by name. */
  public static List<StoredBank> banks(Connection c, long scopeId) throws SQLException {
    return Sql.list(
        c,
        "SELECT scope_id, name, content, questions, uploaded_by, uploaded_at FROM server_banks"
            + " WHERE scope_id = ? ORDER BY name",
        rs ->
            new StoredBank(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getLong(6)),
        scopeId);
  }

  /** Adds a bank or replaces the one of the same name. */
  public static void save(Connection c, StoredBank bank) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO server_banks (scope_id, name, content, questions, uploaded_by, uploaded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope_id, name) DO UPDATE SET content = excluded.content,"
            + " questions = excluded.questions, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at",
        bank.scopeId(),
        bank.name(),
        bank.content(),
        bank.questions(),
        bank.uploadedBy(),
        bank.uploadedAt());
  }

  /** Removes a bank; false when the server has none of that name. */
  public static boolean remove(Connection c, long scopeId, String name) throws SQLException {
    return Sql.update(c, "DELETE FROM server_banks WHERE scope_id = ? AND name = ?", scopeId, name)
        > 0;
  }

  /** Names of the shipped banks this server has switched off. */
  public static Set<String> shippedOff(Connection c, long scopeId) throws SQLException {
    return new TreeSet<>(
        Sql.list(
            c,
            "SELECT name FROM server_shipped_off WHERE scope_id = ?",
            rs -> rs.getString(1),
            scopeId));
  }

  /** Switches a shipped bank on or off for a server. */
  public static void setShipped(Connection c, long scopeId, String name, boolean enabled)
      throws SQLException {
    if (enabled) {
      Sql.update(
          c, "DELETE FROM server_shipped_off WHERE scope_id = ? AND name = ?", scopeId, name);
    } else {
      Sql.update(
          c,
          "INSERT INTO server_shipped_off (scope_id, name) VALUES (?, ?) ON CONFLICT (scope_id, name)"
              + " DO NOTHING",
          scopeId,
          name);
    }
  }
}
