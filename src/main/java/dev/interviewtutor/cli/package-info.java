/** picocli commands: bot, practice, grade, eval, bank ... */
package dev.interviewtutor.cli;
