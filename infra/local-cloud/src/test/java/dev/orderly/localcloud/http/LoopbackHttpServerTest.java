package dev.orderly.localcloud.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every local endpoint answers without Nagle's delay: the JDK's server reads {@code
 * sun.net.httpserver.nodelay} once, so every server the local cloud creates goes through the one
 * factory that sets it first. Its effect (a kept-alive POST answered in 2-5 ms instead of 44-48 ms
 * on JDK 17) is measured by the demo's figures, not asserted here.
 */
class LoopbackHttpServerTest {
  private static final Pattern JDK_CREATE = Pattern.compile("\\bHttpServer\\.create\\(");

  @Test
  void aServerFromTheFactory_isOnLoopbackWithNoDelaySet() throws IOException {
    HttpServer server = LoopbackHttpServer.create(0, 1);
    try {
      assertThat(server.getAddress().getAddress().isLoopbackAddress()).isTrue();
      assertThat(System.getProperty(LoopbackHttpServer.NO_DELAY)).isEqualTo("true");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void noOtherMainSourceCreatesAJdkHttpServer() throws IOException {
    Path sources =
        Path.of(System.getProperty("orderly.repository"), "infra/local-cloud/src/main/java");
    Path factory = Path.of("dev/orderly/localcloud/http/LoopbackHttpServer.java");
    List<Path> creating;
    try (Stream<Path> files = Files.walk(sources)) {
      creating =
          files
              .filter(f -> f.toString().endsWith(".java") && !f.endsWith(factory))
              .filter(f -> JDK_CREATE.matcher(read(f)).find())
              .toList();
    }
    assertThat(creating).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
