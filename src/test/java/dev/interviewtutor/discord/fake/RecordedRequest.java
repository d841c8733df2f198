package dev.interviewtutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One REST call the client made to the fake Discord.
 *
 * @param method HTTP method
 * @param path path below {@code /api/v10/}, e.g. {@code interactions/123/tok/callback}
 * @param query raw query string, empty when absent
 * @param body the JSON body (for multipart requests, the {@code payload_json} part); a missing node
 *     when empty
 * @param atNanos {@link System#nanoTime()} when the request arrived
 */
public record RecordedRequest(
    String method, String path, String query, JsonNode body, long atNanos) {

  public boolean is(String wantedMethod, String pathPrefix) {
    return method.equals(wantedMethod) && path.startsWith(pathPrefix);
  }

  /**
   * Text of every string value in the body (content, embed titles, fields ...), for loose content
   * checks.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    collect(body, out);
    return out.toString();
  }

  private static void collect(JsonNode node, StringBuilder out) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      out.append(node.asText()).append('\n');
    } else {
      node.forEach(child -> collect(child, out));
    }
  }

  @Override
  public String toString() {
    String json = body == null || body.isMissingNode() ? "" : " " + body;
    return method
        + " "
        + path
        + (query.isEmpty() ? "" : "?" + query)
        + (json.length() > 300 ? json.substring(0, 300) + "…" : json);
  }
}
