package dev.orderly.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.template.TemplateException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OrderlyFailuresTest {
  private final StringWriter err = new StringWriter();
  private final CommandLine command = Orderly.commandLine().setErr(new PrintWriter(err, true));

  @Test
  void aRefusedParameterOrTemplate_isOneLineAndExitCode2() {
    int code =
        Orderly.failed(
            new IllegalArgumentException(
                "Reserved concurrency in total (2000) exceeds the account's concurrency (1000)"),
            command,
            null);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "orderly: Reserved concurrency in total (2000) exceeds the account's concurrency"
                + " (1000)"
                + System.lineSeparator());

    err.getBuffer().setLength(0);
    assertThat(
            Orderly.failed(
                new TemplateException("OrdersTable: Properties.StreamSpecification.X unsupported"),
                command,
                null))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("orderly: OrdersTable: Properties.StreamSpecification");
  }

  @Test
  void aPortInUse_saysSoAndHowToAvoidIt() {
    Exception failure =
        new IllegalStateException(
            "cannot start the HTTP API",
            new UncheckedIOException(new BindException("Address already in use")));

    int code = Orderly.failed(failure, command, null);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("a port it listens on is taken (Address already in use)", "--ephemeral-ports");
  }

  @Test
  void anythingElse_printsItsStackTraceAndExitsWith1() {
    int code = Orderly.failed(new IllegalStateException("boom"), command, null);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("java.lang.IllegalStateException: boom", "at dev.orderly.localcloud.cli");
  }
}
