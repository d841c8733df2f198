package dev.interviewtutor.discord;

import dev.interviewtutor.ops.HealthCheck;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * The Discord side of readiness: logged in, the gateway connected, and still taking interactions (not stopping).
 * Not ready until {@link #attach} is given the running bot.
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
    JDA.Status status = running.jda().getStatus();
    return status == JDA.Status.CONNECTED ? Optional.empty()
        : Optional.of("the Discord gateway is not connected (" + status + ")");
  }
}
