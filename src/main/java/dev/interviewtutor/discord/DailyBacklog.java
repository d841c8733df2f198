package dev.interviewtutor.discord;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.interviewtutor.practice.DailyQuiz;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daily posts waiting in this process's {@link DailyPostQueue}, with the time each is expected
 * to go out, so {@code /daily status} can say how late a server's question will be when many
 * servers are due at once. One per practice engine (weakly held, like {@link DailyPublisher}'s
 * locks), shared by the scheduler and the commands.
 */
final class DailyBacklog {
  private static final LoadingCache<DailyQuiz, DailyBacklog> BACKLOGS =
      Caffeine.newBuilder().weakKeys().build(d -> new DailyBacklog());

  private final Map<String, Queued> queued = new ConcurrentHashMap<>();

  /** A waiting post: when it was due and when it is expected to be sent. */
  record Queued(Instant due, Instant expected) {}

  private DailyBacklog() {}

  static DailyBacklog of(DailyQuiz daily) {
    return BACKLOGS.get(daily);
  }

  void add(String serverKey, Instant due, Instant expected) {
    queued.put(serverKey, new Queued(due, expected));
  }

  void done(String serverKey) {
    queued.remove(serverKey);
  }

  /** The server's post, if it is waiting in the queue now. */
  Optional<Queued> waiting(String serverKey) {
    return Optional.ofNullable(queued.get(serverKey));
  }

  int size() {
    return queued.size();
  }
}
