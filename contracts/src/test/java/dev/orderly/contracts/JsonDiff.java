package dev.orderly.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where two JSON documents differ, as JSON Pointers: a short, readable golden-file failure. */
public final class JsonDiff {
  private JsonDiff() {}

  public static List<String> between(JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    walk("", expected, actual, differences);
    return differences;
  }

  private static void walk(String at, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!expected.has(name)) {
          out.add(here + ": not expected");
        } else if (!actual.has(name)) {
          out.add(here + ": missing");
        } else {
          walk(here, expected.get(name), actual.get(name), out);
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext(); i++) {
        walk(at + "/" + i, e.next(), a.next(), out);
      }
    } else if (!expected.equals(actual)) {
      out.add((at.isEmpty() ? "/" : at) + ": expected " + expected + " but was " + actual);
    }
  }
}
