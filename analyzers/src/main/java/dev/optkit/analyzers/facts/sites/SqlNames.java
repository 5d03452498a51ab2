package dev.optkit.analyzers.facts.sites;

import java.util.Locale;

/** How SQL's names compare, in the code's queries and in the schema's scripts alike. */
public final class SqlNames {
  private SqlNames() {}

  /** A name without its schema or quotes: {@code public."orders"} is {@code orders}. */
  public static String bare(String name) {
    String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    return last.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
  }

  /** A column's name as it compares: bare, without case. */
  public static String column(String name) {
    return bare(name).toLowerCase(Locale.ROOT);
  }
}
