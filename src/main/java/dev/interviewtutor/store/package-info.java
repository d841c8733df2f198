/**
 * SQLite persistence: {@link dev.interviewtutor.store.Database} (one file, WAL, foreign keys, busy timeout,
 * migrations from {@code db/migration}, read/write lambdas, clear errors for corrupt/locked/read-only files) and
 * small stateless repositories whose methods take the connection of one read or write.
 */
package dev.interviewtutor.store;
