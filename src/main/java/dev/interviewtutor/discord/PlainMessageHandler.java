package dev.interviewtutor.discord;

import net.dv8tion.jda.api.events.message.MessageReceivedEvent;

/** Something that consumes plain messages (interview answers typed in a thread or DM). */
public interface PlainMessageHandler {
  /** Returns true when the message was taken. */
  boolean onMessage(MessageReceivedEvent event);
}
