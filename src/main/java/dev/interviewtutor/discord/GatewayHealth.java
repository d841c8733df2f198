package dev.interviewtutor.discord;

import dev.interviewtutor.ops.HealthCheck;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * The Discord side of readiness: logged in, every gateway shard of this process connected, and
 * still taking interactions (not stopping). Not ready until {@link #attach} is given the running
 * bot.
 */
final class GatewayHealth implements HealthCheck {
  private volatile TutorBot bot;

  void attach(TutorBot running) {
    this.bot = running;
  }

  @Override
  public String name() {
    return "discord";
  }

  @Override
  public Optional<String> problem() {
    TutorBot running = bot;
    if (running == null) {
      return Optional.of("not logged in to Discord yet");
    }
    if (!running.router().isAccepting()) {
      return Optional.of("stopping: no longer taking interactions");
    }
    // every shard this process runs must be connected: a server on a disconnected shard gets no
    // answers
    for (JDA shard : running.shards().getShards()) {
      JDA.Status status = shard.getStatus();
      if (status != JDA.Status.CONNECTED) {
        return Optional.of(
            "Discord gateway shard "
                + shard.getShardInfo().getShardId()
                + " is not connected ("
                + status
                + ")");
      }
    }
    return running.shards().getShards().isEmpty()
        ? Optional.of("no Discord gateway shard is running")
        : Optional.empty();
  }
}
