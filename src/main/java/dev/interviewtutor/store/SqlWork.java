package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work run by {@link Database#read} or {@link Database#write}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
