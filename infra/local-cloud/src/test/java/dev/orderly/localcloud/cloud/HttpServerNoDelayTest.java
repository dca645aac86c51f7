package dev.orderly.localcloud.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The local cloud's loopback servers answer without Nagle's delay: the JDK's server reads {@code
 * sun.net.httpserver.nodelay} once, so it must be set before the first of them starts. Its effect
 * (a kept-alive POST answered in ~2-5 ms instead of 44-48 ms) is measured by the demo's figures,
 * not asserted here.
 */
class HttpServerNoDelayTest {
  @Test
  void loadingTheLocalCloudTurnsOnNoDelayBeforeAnyOfItsServersStarts() throws Exception {
    Class.forName(LocalCloud.class.getName(), true, LocalCloud.class.getClassLoader());

    assertThat(System.getProperty(LocalCloud.HTTP_SERVER_NO_DELAY)).isEqualTo("true");
  }
}
