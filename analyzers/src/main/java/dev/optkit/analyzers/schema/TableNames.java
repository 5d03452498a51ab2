package dev.optkit.analyzers.schema;

import java.util.Locale;

/** How optkit compares table names, in the schema's scripts and in the code's SQL and entities alike. */
public final class TableNames {
  private TableNames() {}

  /** Table names compare without case, quotes or underscores: Hibernate maps OwnerPet to owner_pet. */
  public static String normalise(String table) {
    return table.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
