package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher tells the operator never carries credentials from a URL. */
class LauncherMessagesTest {
  @TempDir Path dir;

  @Test
  void a_rest_url_with_credentials_is_named_without_them() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    TutorConfig config =
        TutorConfig.fromEnvironment(
            Map.of(
                "DISCORD_TOKEN",
                BotHarness.TOKEN,
                "DISCORD_REST_URL",
                "http://proxyuser:s3cret@127.0.0.1:" + closedPort + "/api/v10/",
                "TUTOR_DB",
                dir.resolve("tutor.db").toString(),
                "TUTOR_KNOWLEDGE",
                BotHarness.testBankDir().toString()));
    PrintStream out = new PrintStream(new ByteArrayOutputStream());
    UserFacingException e =
        assertThrows(
            UserFacingException.class,
            () ->
                BotLauncher.run(
                    config, out, out, c -> BotHarness.services(c, FixedGrader.fast()), false));
    assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    assertFalse(
        e.getMessage().contains("s3cret") || e.getMessage().contains("proxyuser"), e.getMessage());
  }

  @Test
  void without_user_info_keeps_everything_else() {
    assertEquals(
        "https://proxy.example:8443/api/",
        BotLauncher.withoutUserInfo(URI.create("https://me:pw@proxy.example:8443/api/")));
    assertEquals(
        "https://discord.com/api/",
        BotLauncher.withoutUserInfo(URI.create("https://discord.com/api/")));
  }
}
