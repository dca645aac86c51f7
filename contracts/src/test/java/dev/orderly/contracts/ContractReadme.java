package dev.orderly.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@code functions/README.md}, the contract the services, the template and the
 * samples share: its handler table (service, handler class, trigger) and its events table
 * (detail-type, source).
 */
public final class ContractReadme {
  /** One row of the handler table. */
  public record HandlerRow(String service, String handlerClass, String trigger) {}

  private static final String TEXT = Repository.text(Repository.path("functions/README.md"));

  private ContractReadme() {}

  public static List<HandlerRow> handlers() {
    List<HandlerRow> rows = new ArrayList<>();
    for (List<String> cells : table("## Handlers")) {
      rows.add(new HandlerRow(cells.get(0), code(cells.get(1)), code(cells.get(2))));
    }
    return rows;
  }

  /** Each detail-type of the events table, with its source. */
  public static Map<String, String> eventSources() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (List<String> cells : table("## Events")) {
      for (String type : cells.get(0).split("/")) {
        sources.put(code(type), code(cells.get(1)));
      }
    }
    return sources;
  }

  /** The body rows of the first table after {@code heading}, each split into trimmed cells. */
  private static List<List<String>> table(String heading) {
    int start = TEXT.indexOf("\n" + heading);
    if (start < 0) {
      throw new IllegalStateException("functions/README.md has no section " + heading);
    }
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : TEXT.substring(start + 1).split("\n")) {
      if (line.startsWith("|")) {
        inTable = true;
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
          cells.add(cell.trim());
        }
        rows.add(cells);
      } else if (inTable) {
        break;
      }
    }
    if (rows.size() < 3) {
      throw new IllegalStateException("no table under " + heading);
    }
    return rows.subList(2, rows.size());
  }

  private static String code(String cell) {
    String trimmed = cell.trim();
    return trimmed.startsWith("`") && trimmed.endsWith("`")
        ? trimmed.substring(1, trimmed.length() - 1)
        : trimmed;
  }
}
