package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.EventBridgeException;
import dev.orderly.localcloud.events.TargetSpec;

/**
 * What one target receives: the whole event, its constant Input, the part its InputPath selects (as
 * JSON), or its InputTransformer's output.
 */
public final class InputRenderer {
  private final String input;
  private final JsonPath inputPath;
  private final InputTemplate template;

  /**
   * Compiles the target's InputPath or InputTransformer.
   *
   * @throws EventBridgeException (ValidationException) naming what is wrong or unsupported
   */
  public InputRenderer(TargetSpec target) {
    this.input = target.input();
    try {
      this.inputPath = target.inputPath() == null ? null : JsonPath.parse(target.inputPath());
    } catch (IllegalArgumentException e) {
      throw EventBridgeException.validation(
          "InputPath of target " + target.id() + ": " + e.getMessage());
    }
    this.template =
        target.inputTransformer() == null
            ? null
            : new InputTemplate(target.id(), target.inputTransformer());
  }

  /**
   * The input for this event.
   *
   * @throws RenderException when this event cannot give one
   */
  String render(RenderContext context) {
    if (input != null) {
      return input;
    }
    if (template != null) {
      return template.render(context);
    }
    if (inputPath != null) {
      var value = inputPath.read(context.event());
      if (value == null) {
        throw new RenderException(
            "INVALID_PARAMETER", "InputPath " + inputPath + " selects nothing in the event");
      }
      return value.toString();
    }
    return context.event().toString();
  }
}
