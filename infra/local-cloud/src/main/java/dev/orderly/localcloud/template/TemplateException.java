package dev.orderly.localcloud.template;

/**
 * The template cannot be run by the local cloud: it is malformed, refers to something that does not
 * exist, or uses a resource type, property or intrinsic function the local cloud does not emulate.
 * The message names the logical id (or section) and the property path at fault.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
