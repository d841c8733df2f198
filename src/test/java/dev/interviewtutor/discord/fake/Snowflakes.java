package dev.interviewtutor.discord.fake;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-based Discord ids: JDA judges an interaction's age from its id, so ids must encode "now".
 */
public final class Snowflakes {
  private static final long DISCORD_EPOCH = 1420070400000L;
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Snowflakes() {}

  public static long now() {
    return ((System.currentTimeMillis() - DISCORD_EPOCH) << 22)
        | (SEQUENCE.incrementAndGet() & 0x3FFFFF);
  }

  public static String nowString() {
    return Long.toString(now());
  }
}
