package dev.interviewtutor.config;

/**
 * Where the operator's HTTP endpoint listens ({@code TUTOR_HTTP_HOST}, {@code TUTOR_HTTP_PORT}), if
 * at all.
 *
 * @param host a host name or IP address of this machine; 127.0.0.1 unless told otherwise
 * @param port 1 to 65535, 0 for any free port (logged at start), or {@link #OFF}
 */
public record HttpEndpoint(String host, int port) {
  /** The address it listens on unless {@code TUTOR_HTTP_HOST} says otherwise: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The port when {@code TUTOR_HTTP_PORT} is not set: no endpoint. */
  public static final int OFF = -1;

  /** Whether the endpoint runs (a port was given). */
  public boolean isOn() {
    return port != OFF;
  }
}
