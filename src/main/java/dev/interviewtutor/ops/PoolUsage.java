package dev.interviewtutor.ops;

/**
 * The database's connections at one moment.
 *
 * @param active connections doing work (on SQLite: the writer while it writes, plus readers in use)
 * @param idle open connections waiting for work
 * @param pending threads waiting for a connection (on SQLite: for the write lock)
 * @param max the most connections the pool opens, or -1 when it has no fixed limit (SQLite readers)
 */
public record PoolUsage(int active, int idle, int pending, int max) {}
