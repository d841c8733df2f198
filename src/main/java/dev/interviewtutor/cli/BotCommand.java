package dev.interviewtutor.cli;

import dev.interviewtutor.discord.BotLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tutor bot}: runs the Discord bot (needs DISCORD_TOKEN) until SIGTERM or Ctrl-C. */
@Command(
    name = "bot",
    mixinStandardHelpOptions = true,
    description =
        "Run the Discord bot (DISCORD_TOKEN; optional DISCORD_GUILD_ID, DISCORD_REST_URL, "
            + "DISCORD_GATEWAY_URL, DISCORD_MESSAGE_CONTENT, DISCORD_SHARDS_TOTAL, DISCORD_SHARDS).")
public final class BotCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;

  @Override
  public Integer call() {
    return BotLauncher.run(root.config(), System.out, System.err);
  }
}
