package dev.orderly.stepfunctions.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.internal.StatesException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Task tokens of {@code .waitForTaskToken} tasks: issued when the task starts, completed by
 * SendTaskSuccess / SendTaskFailure, kept alive by SendTaskHeartbeat, closed when the task ends any
 * way. Answers the API's errors: a token this registry never issued is InvalidToken, one of a task
 * that already ended is TaskTimedOut (as AWS words it: "expired or ... already closed").
 */
public final class TaskTokens {
  private static final String PREFIX = "AQB4";

  /** One open task: its result and the time of its last sign of life. */
  static final class Pending {
    final CompletableFuture<JsonNode> result = new CompletableFuture<>();
    volatile Instant lastHeartbeat;

    Pending(Instant started) {
      this.lastHeartbeat = started;
    }
  }

  /** A rejected SendTask* call, with the API error code. */
  public static final class TokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    TokenException(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Supplier<String> ids;
  private final Map<String, Pending> open = new ConcurrentHashMap<>();
  private final Map<String, Boolean> closed = new ConcurrentHashMap<>();

  public TaskTokens(Supplier<String> ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  String issue(Instant now) {
    String token = PREFIX + ids.get().replace("-", "");
    open.put(token, new Pending(now));
    return token;
  }

  Pending pending(String token) {
    return open.get(token);
  }

  /** Whether {@code token} belongs to a task still waiting for it. */
  public boolean isOpen(String token) {
    Pending pending = open.get(token);
    return pending != null && !pending.result.isDone();
  }

  void close(String token) {
    if (open.remove(token) != null) {
      closed.put(token, Boolean.TRUE);
    }
  }

  public void succeed(String token, JsonNode output) {
    find(token).result.complete(output);
  }

  public void fail(String token, String error, String cause) {
    find(token)
        .result
        .completeExceptionally(
            new StatesException(error == null ? "" : error, cause == null ? "" : cause));
  }

  public void heartbeat(String token, Instant now) {
    find(token).lastHeartbeat = now;
  }

  private Pending find(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      throw new TokenException("InvalidToken", "Invalid Token: '" + token + "'");
    }
    Pending pending = open.get(token);
    if (pending == null || pending.result.isDone()) {
      if (pending != null || closed.containsKey(token)) {
        throw new TokenException(
            "TaskTimedOut",
            "Task Timed Out: 'Provided task does not exist anymore or the task has already"
                + " been closed'");
      }
      throw new TokenException("TaskDoesNotExist", "Task does not exist: '" + token + "'");
    }
    return pending;
  }
}
