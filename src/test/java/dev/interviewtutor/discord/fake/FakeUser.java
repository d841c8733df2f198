package dev.interviewtutor.discord.fake;

/**
 * A member of the fake server.
 *
 * @param id Discord user id
 * @param name user name
 * @param permissions permission bits the member has in the server (as Discord sends them)
 */
public record FakeUser(long id, String name, long permissions) {
  /** View channel, send messages, read history, use application commands, send in threads. */
  public static final long MEMBER_PERMISSIONS =
      (1L << 10) | (1L << 11) | (1L << 16) | (1L << 31) | (1L << 38);

  /** Administrator and Manage Server on top of the member permissions. */
  public static final long ADMIN_PERMISSIONS = MEMBER_PERMISSIONS | (1L << 3) | (1L << 5);

  public static FakeUser member(long id, String name) {
    return new FakeUser(id, name, MEMBER_PERMISSIONS);
  }

  public static FakeUser admin(long id, String name) {
    return new FakeUser(id, name, ADMIN_PERMISSIONS);
  }

  public String idString() {
    return Long.toString(id);
  }
}
