package dev.orderly.localcloud.template.internal;

import dev.orderly.localcloud.template.TemplateException;

/** Where a value sits in the template (owner: a logical id or a section), for error messages. */
record Where(String owner, String path) {

  static Where of(String owner) {
    return new Where(owner, "");
  }

  Where at(String key) {
    String segment = key.matches("[A-Za-z0-9_:-]+") ? key : '"' + key + '"';
    return new Where(owner, path.isEmpty() ? segment : path + "." + segment);
  }

  Where index(int i) {
    return new Where(owner, path + "[" + i + "]");
  }

  TemplateException fail(String message) {
    return new TemplateException(owner + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  TemplateException unsupported() {
    return new TemplateException(
        owner + ": property " + path + " is not supported by the local cloud");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? owner : owner + ": " + path;
  }
}
