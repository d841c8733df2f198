/** The JDA adapter: command router, one class per command, component-id codec, embed renderers. */
package dev.interviewtutor.discord;
