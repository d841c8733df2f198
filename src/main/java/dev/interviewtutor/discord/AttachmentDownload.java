package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an attachment a member sent with a command (from Discord's CDN; in tests, the loopback
 * fake), reading at most a given number of bytes so an oversized file is refused without being held
 * in memory.
 */
final class AttachmentDownload {
  private static final Logger LOG = LoggerFactory.getLogger(AttachmentDownload.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private AttachmentDownload() {}

  /**
   * The attachment's bytes; {@code max + 1} bytes when it is longer than {@code max} (the caller
   * refuses it).
   */
  static byte[] fetch(String url, int max) {
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new UserFacingException("I can only read attachments Discord serves over the web.");
    }
    try {
      HttpResponse<InputStream> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          LOG.warn("downloading an attachment answered HTTP {}", response.statusCode());
          throw new UserFacingException(
              "I couldn't download the file from Discord (HTTP "
                  + response.statusCode()
                  + "). Try uploading it again.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
          int keep = Math.min(n, max + 1 - out.size());
          out.write(buffer, 0, keep);
          if (out.size() > max) {
            break;
          }
        }
        return out.toByteArray();
      }
    } catch (IOException e) {
      LOG.warn("downloading an attachment failed: {}", e.toString());
      throw new UserFacingException(
          "I couldn't download the file from Discord. Try uploading it again.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("The download was interrupted. Try again.", e);
    }
  }
}
