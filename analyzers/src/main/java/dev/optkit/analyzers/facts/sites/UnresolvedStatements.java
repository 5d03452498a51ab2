package dev.optkit.analyzers.facts.sites;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Map;
import java.util.Set;

/**
 * JDBC statements whose type the solver cannot give: {@code var c = jdbc.getDataSource().getConnection()} without
 * Spring's jar, Hibernate's {@code doWork(c -> ...)} without Hibernate's. A write through one must not vanish (hostile
 * review 37's b9e, c10: a read cached with no eviction), so a call is taken for a JDBC statement's when its name is
 * one only statements run ({@code executeUpdate}, {@code executeBatch}), or when its receiver was made by a
 * connection's statement factory ({@code c.prepareStatement(sql)}), in a variable or in the chain. Low confidence: by
 * names, after the types failed; wrong only towards a write seen where there is none (an eviction too many).
 */
public final class UnresolvedStatements {
  static final String STATEMENT = "java.sql.PreparedStatement";
  /** What only a JDBC (or JPA) statement runs: a write wherever it is found. */
  private static final Set<String> STATEMENT_ONLY = Set.of("executeUpdate", "executeLargeUpdate", "executeBatch",
      "executeLargeBatch");
  static final String RESULT_SET = "java.sql.ResultSet";
  /** What only an updatable result set runs: a write of the rows it holds (hostile review 38's i15, i16). */
  private static final Set<String> RESULT_SET_ONLY = Set.of("updateRow", "insertRow", "deleteRow");
  /** The JDBC type whose catalogued method this call is: a result set's write, else a statement's run. */
  public static String typeOf(MethodCallExpr call) {
    return RESULT_SET_ONLY.contains(call.getNameAsString()) ? RESULT_SET : STATEMENT;
  }

  private static final Set<String> RUNS = Set.of("executeQuery", "execute", "executeUpdate", "executeLargeUpdate",
      "executeBatch", "executeLargeBatch");
  private static final Set<String> FACTORIES = Set.of("prepareStatement", "prepareCall", "createStatement");

  private UnresolvedStatements() {}

  /**
   * Whether this call on a receiver of unknown type runs a JDBC statement, by the names above. A receiver a query
   * factory of another client made ({@code em.createQuery(jpql).executeUpdate()}) is that client's site, not this.
   */
  public static boolean isStatementCall(MethodCallExpr call, Map<String, Expression> initializers) {
    String name = call.getNameAsString();
    if (RESULT_SET_ONLY.contains(name) && call.getArguments().isEmpty()) {
      return true;
    }
    if (!RUNS.contains(name)) {
      return false;
    }
    Expression receiver = call.getScope().orElse(null);
    if (receiver instanceof NameExpr variable && initializers.containsKey(variable.getNameAsString())) {
      receiver = initializers.get(variable.getNameAsString());
    }
    if (receiver instanceof MethodCallExpr made) {
      return FACTORIES.contains(made.getNameAsString());
    }
    return STATEMENT_ONLY.contains(name);
  }
}
