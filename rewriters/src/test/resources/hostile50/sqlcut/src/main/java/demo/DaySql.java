package demo;

/** The day queries, live or archived (same columns). */
public class DaySql {
  /** The archive's query; the live one is the same without the table's "_archive". */
  public static String labels(boolean archived) {
    String query = "select label from days_archive";
    return archived ? query : query.substring(0, query.lastIndexOf('_'));
  }

  /** The archive's rows are read under the live table's alias, so the rest of the query stays the same. */
  public static String aliased(boolean archived) {
    return "select label from " + (archived ? "days_archive " : "") + "days order by id";
  }

  public static String plainLabels() {
    return "select label from days order by id";
  }
}
