/**
 * The Discord front-end (JDA): {@link dev.interviewtutor.discord.TutorBot}, the command router, one
 * class per command, the component-id codec, embed renderers and the launcher. The only package
 * that imports JDA.
 */
package dev.interviewtutor.discord;
