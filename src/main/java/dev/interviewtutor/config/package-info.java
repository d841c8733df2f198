/** Immutable configuration read from the environment and command-line options. */
package dev.interviewtutor.config;
