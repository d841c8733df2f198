package dev.interviewtutor.store;

import dev.interviewtutor.grading.llm.DailyCallBudget;
import java.time.LocalDate;

/**
 * LLM calls used per scope and UTC day ({@code llm_budget}), shared by every process on the
 * database and kept across restarts, so N processes do not multiply the daily budget and a restart
 * does not reset it. Days before yesterday are pruned as a new day starts.
 */
public final class LlmBudgetRepository implements DailyCallBudget.Counter {
  private final Database db;

  public LlmBudgetRepository(Database db) {
    this.db = db;
  }

  /**
   * Takes one call from the scope's budget for the day; false (and nothing taken) when {@code
   * limit} are used.
   */
  @Override
  public boolean tryConsume(String scopeKey, LocalDate day, int limit) {
    if (limit <= 0) {
      return false;
    }
    return db.write(
        c -> {
          // One statement: a new day starts at 1; an existing one grows only while below the limit.
          int changed =
              Sql.update(
                  c,
                  "INSERT INTO llm_budget (scope_key, day, used) VALUES (?, ?, 1)"
                      + " ON CONFLICT (scope_key, day) DO UPDATE SET used = llm_budget.used + 1 WHERE llm_budget.used < ?",
                  scopeKey,
                  day.toString(),
                  limit);
          if (changed > 0 && used(c, scopeKey, day) == 1) {
            Sql.update(c, "DELETE FROM llm_budget WHERE day < ?", day.minusDays(1).toString());
          }
          return changed > 0;
        });
  }

  /** Calls used by the scope on the day. */
  @Override
  public int used(String scopeKey, LocalDate day) {
    return db.read(c -> used(c, scopeKey, day));
  }

  private static int used(java.sql.Connection c, String scopeKey, LocalDate day)
      throws java.sql.SQLException {
    return Sql.one(
            c,
            "SELECT used FROM llm_budget WHERE scope_key = ? AND day = ?",
            rs -> rs.getInt(1),
            scopeKey,
            day.toString())
        .orElse(0);
  }
}
