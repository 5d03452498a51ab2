package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.analyzers.facts.IoSite;
import java.util.List;
import java.util.Set;

/**
 * A {@code NamedParameterJdbcTemplate} query by one named key, {@code queryForObject(sql, params,
 * rowMapper)} or {@code query(sql, params, rowMapper)}: which parameter the SQL names ({@code :id}),
 * and which expression of the loop is its value. The parameters are made for the call from that one
 * value: {@code new MapSqlParameterSource("id", key)}, {@code new MapSqlParameterSource().addValue("id",
 * key)}, {@code Map.of("id", key)} or {@code Collections.singletonMap("id", key)}, written in the call
 * or in a local of the loop's body that nothing else uses. The batched query passes the chunk of keys
 * as that parameter's value, {@code key IN (:id)}, which NamedParameterJdbcTemplate expands into one
 * {@code ?} per key and binds as JdbcTemplate binds {@code Object...} arguments.
 *
 * @param parameter the name the SQL gives the key ({@code id} of {@code :id})
 * @param key the key's value, as the loop writes it
 * @param problem why the call is not one optkit batches; null when it is
 */
record NamedKeyQuery(String parameter, Expression key, String problem) {
  static final Set<String> TEMPLATES = Set.of("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
      "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");
  private static final String SHAPES = "new MapSqlParameterSource(\"id\", key), new MapSqlParameterSource().addValue("
      + "\"id\", key), Map.of(\"id\", key) or Collections.singletonMap(\"id\", key)";

  static boolean isNamed(IoSite site) {
    return site.receiverType() != null && TEMPLATES.contains(site.receiverType());
  }

  private static NamedKeyQuery refused(String problem) {
    return new NamedKeyQuery(null, null, problem);
  }

  /** The key of the call's parameters (its second argument). */
  static NamedKeyQuery of(CallableDeclaration<?> method, ForEachStmt loop, Expression parameters) {
    Expression made = parameters;
    if (parameters instanceof NameExpr name) {
      List<VariableDeclarator> named = method.findAll(VariableDeclarator.class).stream()
          .filter(v -> v.getNameAsString().equals(name.getNameAsString())).toList();
      long uses = method.findAll(NameExpr.class).stream().filter(n -> n.getNameAsString().equals(name.getNameAsString()))
          .count();
      boolean assigned = method.findAll(AssignExpr.class).stream()
          .anyMatch(a -> a.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name.getNameAsString()));
      if (named.size() != 1 || !LoopProof.isInside(named.get(0), loop.getBody()) || uses != 1 || assigned
          || named.get(0).getInitializer().isEmpty()) {
        return refused("its parameters are " + name + ", which optkit batches only when it is a local the loop's body "
            + "makes for this query alone, as " + SHAPES);
      }
      made = named.get(0).getInitializer().get();
    }
    if (made instanceof ObjectCreationExpr creation && LoopSites.simple(creation.getType().getNameAsString())
        .equals("MapSqlParameterSource") && creation.getArguments().size() == 2 && creation.getAnonymousClassBody().isEmpty()) {
      return named(creation.getArgument(0), creation.getArgument(1));
    }
    if (made instanceof MethodCallExpr call && call.getArguments().size() == 2) {
      String scope = call.getScope().map(Expression::toString).orElse("");
      if (call.getNameAsString().equals("addValue") && call.getScope().orElse(null) instanceof ObjectCreationExpr empty
          && LoopSites.simple(empty.getType().getNameAsString()).equals("MapSqlParameterSource")
          && empty.getArguments().isEmpty() && empty.getAnonymousClassBody().isEmpty()
          || call.getNameAsString().equals("of") && (scope.equals("Map") || scope.equals("java.util.Map"))
          || call.getNameAsString().equals("singletonMap") && (scope.equals("Collections")
              || scope.equals("java.util.Collections"))) {
        return named(call.getArgument(0), call.getArgument(1));
      }
    }
    return refused("its parameters are " + made + ", and optkit batches a NamedParameterJdbcTemplate query whose "
        + "parameters are one named key made for it: " + SHAPES);
  }

  private static NamedKeyQuery named(Expression name, Expression key) {
    if (!(name instanceof StringLiteralExpr literal) || !literal.asString().matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return refused("its parameter's name is " + name + ", not a literal optkit can find in its SQL");
    }
    return new NamedKeyQuery(literal.asString(), key, null);
  }

  /**
   * The SQL with its one {@code :name} written {@code ?}, for {@link KeyQuerySql} to read (the rest
   * of the text unchanged, so the text before and after the key's term is the named SQL's own), and
   * null; or null and a problem: another named parameter, the name twice, or a syntax optkit does
   * not read ({@code &name}, {@code :{name}}). A {@code ?} is left for KeyQuerySql to refuse. Quoted
   * text and comments are skipped, and {@code ::} is a PostgreSQL cast, as NamedParameterJdbcTemplate
   * reads them.
   */
  static String[] positional(String sql, String name) {
    int found = -1;
    for (int at = 0; at < sql.length(); at++) {
      char c = sql.charAt(at);
      if (c == '\'' || c == '"') {
        int end = sql.indexOf(c, at + 1);
        at = end < 0 ? sql.length() : end;
      } else if (c == '-' && sql.startsWith("--", at)) {
        int end = sql.indexOf('\n', at);
        at = end < 0 ? sql.length() : end;
      } else if (c == '/' && sql.startsWith("/*", at)) {
        int end = sql.indexOf("*/", at + 2);
        at = end < 0 ? sql.length() : end + 1;
      } else if (c == ':' && sql.startsWith("::", at)) {
        at++;
      } else if (c == '&' && at + 1 < sql.length() && Character.isLetter(sql.charAt(at + 1))
          || c == ':' && sql.startsWith(":{", at)) {
        return new String[] {null, "its SQL names a parameter as " + sql.substring(at, Math.min(at + 6, sql.length()))
            + "..., a syntax optkit does not read"};
      } else if (c == ':' && at + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(at + 1))) {
        int end = at + 1;
        while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
          end++;
        }
        String each = sql.substring(at + 1, end);
        if (!each.equals(name) || found >= 0) {
          return new String[] {null, "its SQL names " + (each.equals(name) ? ":" + name + " more than once"
              : ":" + each + " besides :" + name) + ": optkit batches a query by one key, named once"};
        }
        found = at;
        at = end - 1;
      }
    }
    if (found < 0) {
      return new String[] {null, "its SQL does not name :" + name + " where optkit can read it"};
    }
    return new String[] {sql.substring(0, found) + "?" + sql.substring(found + 1 + name.length()), null};
  }
}
