package dev.interviewtutor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TUTOR_HTTP_PORT and TUTOR_HTTP_HOST: off by default, loopback unless told otherwise, bad values
 * named.
 */
class HttpEndpointConfigTest {
  @Test
  void should_be_off_by_default_and_on_loopback_when_a_port_is_given() {
    assertFalse(TutorConfig.defaults().http().isOn());
    HttpEndpoint on = TutorConfig.fromEnvironment(Map.of("TUTOR_HTTP_PORT", "9464")).http();
    assertTrue(on.isOn());
    assertEquals(9464, on.port());
    assertEquals("127.0.0.1", on.host());
    assertEquals(
        new HttpEndpoint("0.0.0.0", 9464),
        TutorConfig.fromEnvironment(Map.of("TUTOR_HTTP_PORT", "9464", "TUTOR_HTTP_HOST", "0.0.0.0"))
            .http());
    assertFalse(
        TutorConfig.fromEnvironment(Map.of("TUTOR_HTTP_HOST", "0.0.0.0")).http().isOn(),
        "a host alone does not turn it on");
  }

  @Test
  void should_name_the_setting_when_a_value_is_bad() {
    for (String bad : new String[] {"http", "-1", "65536", "80.5"}) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> TutorConfig.fromEnvironment(Map.of("TUTOR_HTTP_PORT", bad)));
      assertTrue(e.getMessage().startsWith("TUTOR_HTTP_PORT='" + bad + "'"), e.getMessage());
    }
    ConfigException host =
        assertThrows(
            ConfigException.class,
            () ->
                TutorConfig.fromEnvironment(
                    Map.of("TUTOR_HTTP_PORT", "9464", "TUTOR_HTTP_HOST", "http://x/")));
    assertTrue(host.getMessage().startsWith("TUTOR_HTTP_HOST='http://x/'"), host.getMessage());
  }

  @Test
  void an_option_should_keep_the_host_from_the_environment() {
    TutorConfig config =
        TutorConfig.fromEnvironment(Map.of("TUTOR_HTTP_HOST", "0.0.0.0"))
            .with(Map.of("TUTOR_HTTP_PORT", "9464"));
    assertEquals(new HttpEndpoint("0.0.0.0", 9464), config.http());
  }
}
