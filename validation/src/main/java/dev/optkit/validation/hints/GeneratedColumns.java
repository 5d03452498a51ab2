package dev.optkit.validation.hints;

import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How a column of the project's schema is made in the planner's database: its type mapped to PostgreSQL's from a
 * fixed list (never the script's text: a type, a default or a check the scripts wrote is not run), and its rows made by
 * an expression of {@code g}, the row's number. A unique column takes a value per row; any other
 * {@value #DISTINCT} values, each on {@code rows / DISTINCT} rows, a column selective enough for an index to serve an
 * equality on it: the check asks whether the planner uses the index for the query's shape, not how selective the
 * project's data is; but where the project's code bounds a column's values (an entity's enum property), no more values
 * than it can hold (a four-state status is no column an index serves on its own).
 */
final class GeneratedColumns {
  static final int DISTINCT = 1_000;

  /**
   * A PostgreSQL type and the expressions giving a column of it distinct values, or a number of repeated ones.
   *
   * @param repeatedOf the expression giving {@code n} values, each on {@code rows / n} rows
   */
  record ColumnKind(String type, String unique, IntFunction<String> repeatedOf) {
    /** {@value #DISTINCT} values, each on {@code rows / DISTINCT} rows. */
    String repeated() {
      return repeatedOf.apply(DISTINCT);
    }

    /**
     * At most {@code values} values (the most the project's code can store: an enum's constants), each on as many
     * rows: the planner then estimates an equality on the column as the data can have it, however few its values.
     */
    String repeated(int values) {
      return repeatedOf.apply(Math.max(1, Math.min(values, DISTINCT)));
    }

    /**
     * The values the project's code stores in the column, each on as many rows: the names of an enum stored by name in
     * a text column, so that a query naming one ({@code status IN ('NEW', 'PAID')}) finds the rows it would; as many
     * values as the code can store otherwise.
     */
    String repeated(dev.optkit.analyzers.schema.SchemaIndexes.ColumnValues values) {
      if (values.stored().isEmpty() || !type.equals("text")) {
        return repeated(values.count());
      }
      StringBuilder array = new StringBuilder("(ARRAY[");
      for (int i = 0; i < values.stored().size(); i++) {
        array.append(i == 0 ? "" : ", ").append('\'').append(values.stored().get(i).replace("'", "''")).append('\'');
      }
      return array.append("]::text[])[(g % ").append(values.stored().size()).append(") + 1]").toString();
    }
  }

  private static final ColumnKind BIGINT = new ColumnKind("bigint", "g", n -> "(g % " + n + ") + 1");
  private static final ColumnKind INTEGER = new ColumnKind("integer", "g", n -> "(g % " + n + ") + 1");
  private static final ColumnKind SMALLINT = new ColumnKind("integer", "g", n -> "(g % " + n + ") + 1");
  private static final ColumnKind NUMERIC = new ColumnKind("numeric", "g::numeric", n -> "((g % " + n + ") + 1)::numeric");
  private static final ColumnKind TEXT = new ColumnKind("text", "'v' || g", n -> "'v' || (g % " + n + ")");
  private static final ColumnKind BOOLEAN = new ColumnKind("boolean", "(g % 2 = 0)",
      n -> n == 1 ? "true" : "(g % 2 = 0)");
  private static final ColumnKind DATE = new ColumnKind("date", "date '2000-01-01' + g",
      n -> "date '2000-01-01' + (g % " + n + ")");
  private static final ColumnKind TIMESTAMP = new ColumnKind("timestamp",
      "timestamp '2020-01-01' + g * interval '1 minute'", n -> "timestamp '2020-01-01' + (g % " + n + ") * interval '1 hour'");
  private static final ColumnKind TIMESTAMPTZ = new ColumnKind("timestamptz",
      "timestamptz '2020-01-01 00:00+00' + g * interval '1 minute'",
      n -> "timestamptz '2020-01-01 00:00+00' + (g % " + n + ") * interval '1 hour'");
  private static final ColumnKind TIME = new ColumnKind("time", "time '00:00' + (g % 86400) * interval '1 second'",
      n -> "time '00:00' + (g % " + n + ") * interval '1 minute'");
  private static final ColumnKind UUID = new ColumnKind("uuid", "md5(g::text)::uuid", n -> "md5((g % " + n + ")::text)::uuid");
  private static final ColumnKind JSONB = new ColumnKind("jsonb", "jsonb_build_object('k', g)",
      n -> "jsonb_build_object('k', g % " + n + ")");
  private static final ColumnKind BYTEA = new ColumnKind("bytea", "decode(md5(g::text), 'hex')",
      n -> "decode(md5((g % " + n + ")::text), 'hex')");

  /** The types scripts name (PostgreSQL's, MySQL's, H2's, Oracle's, SQL Server's), lower case, by what they hold. */
  private static final Map<String, ColumnKind> KINDS = Map.ofEntries(
      Map.entry("bigint", BIGINT), Map.entry("int8", BIGINT), Map.entry("bigserial", BIGINT),
      Map.entry("serial8", BIGINT), Map.entry("long", BIGINT),
      Map.entry("int", INTEGER), Map.entry("integer", INTEGER), Map.entry("int4", INTEGER),
      Map.entry("mediumint", INTEGER), Map.entry("serial", INTEGER), Map.entry("serial4", INTEGER),
      Map.entry("smallint", SMALLINT), Map.entry("int2", SMALLINT), Map.entry("tinyint", SMALLINT),
      Map.entry("smallserial", SMALLINT),
      Map.entry("numeric", NUMERIC), Map.entry("decimal", NUMERIC), Map.entry("dec", NUMERIC),
      Map.entry("number", NUMERIC), Map.entry("money", NUMERIC), Map.entry("real", NUMERIC),
      Map.entry("float", NUMERIC), Map.entry("float4", NUMERIC), Map.entry("float8", NUMERIC),
      Map.entry("double", NUMERIC), Map.entry("double precision", NUMERIC),
      Map.entry("varchar", TEXT), Map.entry("character varying", TEXT), Map.entry("nvarchar", TEXT),
      Map.entry("varchar2", TEXT), Map.entry("nvarchar2", TEXT), Map.entry("char", TEXT), Map.entry("character", TEXT),
      Map.entry("nchar", TEXT), Map.entry("text", TEXT), Map.entry("tinytext", TEXT), Map.entry("mediumtext", TEXT),
      Map.entry("longtext", TEXT), Map.entry("clob", TEXT), Map.entry("nclob", TEXT), Map.entry("citext", TEXT),
      Map.entry("enum", TEXT), Map.entry("string", TEXT), Map.entry("varchar_ignorecase", TEXT),
      Map.entry("boolean", BOOLEAN), Map.entry("bool", BOOLEAN), Map.entry("bit", BOOLEAN),
      Map.entry("date", DATE),
      Map.entry("timestamp", TIMESTAMP), Map.entry("datetime", TIMESTAMP), Map.entry("datetime2", TIMESTAMP),
      Map.entry("timestamp without time zone", TIMESTAMP), Map.entry("timestamptz", TIMESTAMPTZ),
      Map.entry("timestamp with time zone", TIMESTAMPTZ), Map.entry("time", TIME),
      Map.entry("uuid", UUID), Map.entry("uniqueidentifier", UUID),
      Map.entry("json", JSONB), Map.entry("jsonb", JSONB),
      Map.entry("bytea", BYTEA), Map.entry("blob", BYTEA), Map.entry("longblob", BYTEA), Map.entry("mediumblob", BYTEA),
      Map.entry("tinyblob", BYTEA), Map.entry("binary", BYTEA), Map.entry("varbinary", BYTEA), Map.entry("raw", BYTEA));

  private GeneratedColumns() {}

  /** The column's kind for the type a script names; a type not listed is made as text. */
  static ColumnKind of(String scriptType) {
    String type = scriptType == null ? "" : scriptType.strip().toLowerCase(Locale.ROOT);
    ColumnKind kind = KINDS.get(type);
    if (kind == null && type.endsWith(" unsigned")) {
      kind = KINDS.get(type.substring(0, type.length() - " unsigned".length()).strip());
    }
    return kind == null ? TEXT : kind;
  }
}
