/**
 * Persistence on SQLite (one file, the default) or PostgreSQL (a server shared by several
 * processes): {@link dev.interviewtutor.store.Database} (read/write lambdas, serialised writes,
 * Flyway migrations from {@code db/migration}, clear errors naming the file or URL and the
 * setting), the {@link dev.interviewtutor.store.Dialect} of each backend, and small stateless
 * repositories whose methods take the connection of one read or write and run the same SQL on both.
 */
package dev.interviewtutor.store;
