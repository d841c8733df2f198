package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.ops.HealthCheck;
import dev.interviewtutor.ops.MicrometerMetrics;
import dev.interviewtutor.ops.OpsServer;
import dev.interviewtutor.ops.Readiness;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot until the process is told to stop: {@code tutor bot}, and the main job when {@code
 * DISCORD_TOKEN} is set. On SIGTERM (or Ctrl-C) it stops the daily scheduler (waiting for a post in
 * progress), stops taking interactions, finishes grades in flight, closes the database and exits 0;
 * if work in flight did not finish within the drain time it exits {@link #EXIT_UNCLEAN_STOP}
 * instead.
 */
public final class BotLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(BotLauncher.class);

  /** Exit code when the token is missing or rejected. */
  public static final int EXIT_BAD_TOKEN = 3;

  /** Exit code when a stop had to cut off work in flight (the drain timed out). */
  public static final int EXIT_UNCLEAN_STOP = 4;

  private BotLauncher() {}

  /** Runs with the services built from the configuration. */
  public static int run(TutorConfig config, PrintStream out, PrintStream err) {
    return run(config, out, err, BotWiring::services, true);
  }

  /**
   * Logs in and blocks until stopped. With {@code exitOnSignal}, a shutdown hook stops the bot
   * gracefully and ends the process with status 0.
   */
  public static int run(
      TutorConfig config,
      PrintStream out,
      PrintStream err,
      Function<TutorConfig, BotServices> servicesFactory,
      boolean exitOnSignal) {
    return run(config, out, err, servicesFactory, exitOnSignal, TutorBot.DRAIN);
  }

  /**
   * As {@link #run(TutorConfig, PrintStream, PrintStream, Function, boolean)}, waiting {@code
   * drain} for work in flight on a stop. The exit status is 0 only when everything in flight
   * finished; otherwise {@link #EXIT_UNCLEAN_STOP}.
   */
  public static int run(
      TutorConfig config,
      PrintStream out,
      PrintStream err,
      Function<TutorConfig, BotServices> servicesFactory,
      boolean exitOnSignal,
      Duration drain) {
    if (!config.discordConfigured()) {
      err.println(
          "DISCORD_TOKEN is not set. Create a bot at https://discord.com/developers/applications, "
              + "copy its token (Bot → Reset Token) and run again with DISCORD_TOKEN=<token> in the environment.");
      return EXIT_BAD_TOKEN;
    }
    BotServices services = servicesFactory.apply(config);
    GatewayHealth gateway = new GatewayHealth();
    AutoCloseable http;
    try {
      http = startHttp(config, services, gateway);
    } catch (RuntimeException e) {
      closeQuietly(services);
      throw e;
    }
    TutorBot bot;
    try {
      bot = TutorBot.start(config, services, config.discordMessageContent());
    } catch (InvalidTokenException e) {
      closeQuietly(services, http);
      err.println(
          "Discord rejected DISCORD_TOKEN (401 Unauthorized). Check that it is the bot token from "
              + "https://discord.com/developers/applications (Bot → Reset Token), not the client secret or "
              + "application id, and that it has not been reset since.");
      return EXIT_BAD_TOKEN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(services, http);
      return 1;
    } catch (IllegalStateException e) {
      closeQuietly(services, http);
      throw new UserFacingException("Could not connect to Discord: " + e.getMessage(), e);
    } catch (ErrorResponseException | CompletionException | UncheckedIOException e) {
      // Thrown by the login when Discord cannot be reached at all (no network, DNS, a wrong
      // DISCORD_REST_URL);
      // the shard manager's first request (the recommended shard count) fails with the I/O error
      // wrapped.
      closeQuietly(services, http);
      String where =
          config
              .discordRestUrl()
              .map(BotLauncher::withoutUserInfo)
              .orElse("https://discord.com/api/");
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UserFacingException(
          "Could not reach Discord at "
              + where
              + " ("
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage()
              + "). Check the network connection"
              + (config.discordRestUrl().isPresent() ? " and DISCORD_REST_URL." : "."),
          e);
    }
    gateway.attach(bot);
    DailyQuizScheduler scheduler =
        new DailyQuizScheduler(
                services.practice().daily(),
                new DailyPublisher(services.practice()),
                bot.shards(),
                services.clock(),
                services.metrics())
            .start(DailyQuizScheduler.PERIOD);
    if (exitOnSignal) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    // The scheduler first, awaited: its tick posts and writes, and the bot's stop
                    // closes the database.
                    scheduler.close();
                    boolean clean = bot.stop(drain);
                    // The JVM would report 143 for SIGTERM; a graceful stop is a success, one that
                    // cut work off is not.
                    Runtime.getRuntime().halt(clean ? 0 : EXIT_UNCLEAN_STOP);
                  },
                  "tutor-shutdown"));
    }
    out.println(
        "Interview Tutor bot is online as "
            + bot.selfName()
            + " with "
            + services.bank().questions().size()
            + " questions ("
            + bot.describeShards()
            + "). Stop it with Ctrl-C or SIGTERM.");
    try {
      bot.awaitStopped();
    } catch (InterruptedException e) {
      // Stop first, then keep the interrupt: JDA refuses to take its locks on an interrupted
      // thread.
      scheduler.close();
      bot.stop(drain);
      Thread.currentThread().interrupt();
    } finally {
      scheduler.close();
      closeQuietly(http);
    }
    return bot.drainedCleanly() ? 0 : EXIT_UNCLEAN_STOP;
  }

  /**
   * A URL fit for messages and logs: a {@code user:password@} in it (a proxy's credentials) is
   * dropped.
   */
  static String withoutUserInfo(URI url) {
    if (url.getRawUserInfo() == null) {
      return url.toString();
    }
    try {
      return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return url.getScheme() + "://" + url.getHost();
    }
  }

  /**
   * The operator's HTTP endpoint when {@code TUTOR_HTTP_PORT} is set (otherwise nothing to close),
   * started before the login so {@code /health/live} answers at once and {@code /health/ready} says
   * what it is waiting for.
   */
  private static AutoCloseable startHttp(
      TutorConfig config, BotServices services, GatewayHealth gateway) {
    if (!config.http().isOn()) {
      return () -> {};
    }
    List<HealthCheck> checks = new ArrayList<>(services.healthChecks());
    checks.add(gateway);
    // Services built without metrics (some tests) still get the JVM's meters.
    MicrometerMetrics metrics =
        services.metrics() instanceof MicrometerMetrics m ? m : new MicrometerMetrics();
    return OpsServer.start(
        config.http().host(), config.http().port(), new Readiness(checks), metrics::scrape);
  }

  private static void closeQuietly(BotServices services, AutoCloseable http) {
    closeQuietly(http);
    closeQuietly(services);
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.debug("closing {} failed", resource, e);
    }
  }

  private static void closeQuietly(BotServices services) {
    for (AutoCloseable c : services.closeables()) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("closing {} failed", c, e);
      }
    }
  }
}
