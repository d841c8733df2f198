/** The terminal front-end over the practice services. */
package dev.interviewtutor.console;
