package dev.interviewtutor.discord;

import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * Where an interview started from a channel takes place; questions and graded answers are never
 * public.
 */
enum InterviewPlace {
  /**
   * A new private thread in the text channel (or in the text channel of the public thread it was
   * asked from).
   */
  PRIVATE_THREAD,
  /** Here: the person's own interview thread. */
  HERE_IN_THREAD,
  /** Here: the DM with the bot. */
  HERE_IN_DM,
  /**
   * The DM with the bot, for a place that cannot hold a private thread (forum posts, voice chats,
   * ...).
   */
  DIRECT_MESSAGES;

  static InterviewPlace of(SlashCommandInteractionEvent event) {
    if (event.getGuild() == null) {
      return HERE_IN_DM;
    }
    MessageChannel channel = event.getChannel();
    if (channel instanceof ThreadChannel thread
        && thread.isOwner()
        && thread.getType() == ChannelType.GUILD_PRIVATE_THREAD
        && thread.getName().startsWith(InterviewCommand.THREAD_PREFIX)) {
      return HERE_IN_THREAD;
    }
    return parentText(channel) instanceof TextChannel ? PRIVATE_THREAD : DIRECT_MESSAGES;
  }

  /**
   * The text channel itself, the text channel a thread belongs to, or null (forum posts, voice
   * chats, ...).
   */
  static TextChannel parentText(MessageChannel channel) {
    if (channel instanceof TextChannel text) {
      return text;
    }
    if (channel instanceof ThreadChannel thread
        && thread.getParentChannel() instanceof TextChannel text) {
      return text;
    }
    return null;
  }

  /** An interview thread made by this bot, where typed messages are answers. */
  static boolean isInterviewThread(MessageChannel channel, long botId) {
    return channel instanceof ThreadChannel thread
        && thread.getOwnerIdLong() == botId
        && thread.getName().startsWith(InterviewCommand.THREAD_PREFIX);
  }
}
