/**
 * Test fixtures that break the architecture rules on purpose, to prove {@code ArchitectureTest}
 * catches them.
 */
package dev.interviewtutor.architecture;
