package dev.optkit.analyzers.facts;

import java.util.List;
import java.util.Set;

/**
 * One piece of SQL or data access an entity's (or embeddable's, or mapped superclass's) mapping adds beyond its columns
 * and associations, as its annotations declare it: what the rules that ask what a read of the entity's table runs, and
 * the proofs that ask which data a read or a write may touch, both read.
 *
 * @param kind what the annotation adds
 * @param annotation the annotation's simple name, as written ({@code SQLRestriction})
 * @param member the field or method carrying it, "" for the type itself
 * @param condition for {@link Kind#RESTRICTION}, the condition as written ({@code @SQLRestriction("deleted = false")},
 *     {@code @Where(clause = ...)}; {@code deleted = false} for Hibernate's {@code @SoftDelete} with its defaults),
 *     {@link TypeFact#UNRESOLVED} where it is no literal this file holds; null otherwise
 */
public record MappingSql(Kind kind, String annotation, String member, String condition) {

  /** What a mapping annotation adds. */
  public enum Kind {
    /**
     * {@code @SQLRestriction}, {@code @Where}, {@code @SoftDelete}: a condition on every read, of the entity (on the
     * type) or of a collection.
     */
    RESTRICTION,
    /** {@code @WhereJoinTable}, {@code @SQLJoinTableRestriction}: a condition on a collection's join table. */
    JOIN_TABLE_RESTRICTION,
    /** {@code @Formula}, {@code @JoinFormula}: a value computed by SQL, which may read other tables. */
    FORMULA,
    /** {@code @Subselect}: the entity is the rows of a query, not of a table. */
    SUBSELECT,
    /** {@code @Loader}, {@code @SQLSelect}, {@code @HQLSelect}: the project's own query loads the entity. */
    CUSTOM_LOAD,
    /** {@code @SQLInsert}, {@code @SQLUpdate}, {@code @SQLDelete}, {@code @SQLDeleteAll}: the project's own SQL writes it. */
    CUSTOM_WRITE,
    /** {@code @ColumnTransformer}: a column read or written through an SQL expression. */
    COLUMN_TRANSFORMER,
    /** {@code @DiscriminatorFormula}: the subclass of a row computed by SQL. */
    DISCRIMINATOR_FORMULA,
    /** {@code @Any}, {@code @ManyToAny}: an association whose table a column names. */
    ANY,
    /** Envers' {@code @Audited}: every write also writes an audit table. */
    AUDITED,
    /** {@code @EntityListeners} other than Spring Data's auditing one: code that may read or write anywhere. */
    LISTENER,
    /** A Hibernate {@code @FilterDef} with {@code autoEnabled}: a condition on in every session. */
    AUTO_FILTER
  }

  /**
   * The kinds that change the SQL a query of the entity's own table runs or the table it reads, besides a restriction
   * whose condition is read ({@link #readRestriction}): a query's rows, conditions and columns are no longer those its
   * text and the entity's columns say.
   */
  private static final Set<Kind> CHANGING_OWN_READS = Set.of(Kind.SUBSELECT, Kind.CUSTOM_LOAD, Kind.COLUMN_TRANSFORMER,
      Kind.DISCRIMINATOR_FORMULA, Kind.AUTO_FILTER);

  /**
   * Whether the mapping makes what a query of the entity's own table runs unknown: a kind that changes it, or a
   * restriction on the type whose condition is not a literal (or more than one).
   */
  public static boolean ownReadsUntold(List<MappingSql> mapping) {
    long restrictions = mapping.stream().filter(sql -> sql.kind() == Kind.RESTRICTION && sql.member().isEmpty()).count();
    return restrictions > 1 || mapping.stream().anyMatch(sql -> CHANGING_OWN_READS.contains(sql.kind())
        && (sql.kind() == Kind.COLUMN_TRANSFORMER || sql.member().isEmpty())
        || sql.kind() == Kind.RESTRICTION && sql.member().isEmpty() && TypeFact.UNRESOLVED.equals(sql.condition()));
  }

  /** The condition a restriction on the type adds to every query of the entity's table, if it has one. */
  public static java.util.Optional<String> readRestriction(List<MappingSql> mapping) {
    return mapping.stream().filter(sql -> sql.kind() == Kind.RESTRICTION && sql.member().isEmpty()
        && !TypeFact.UNRESOLVED.equals(sql.condition())).map(MappingSql::condition).findFirst();
  }
}
