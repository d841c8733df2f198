package dev.interviewtutor.store;

/** The two databases the store runs on; store tests are parameterised over both. */
public enum Backend {
  SQLITE,
  POSTGRESQL
}
