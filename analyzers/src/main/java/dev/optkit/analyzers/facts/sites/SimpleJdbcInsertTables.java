package dev.optkit.analyzers.facts.sites;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table a Spring {@code SimpleJdbcInsert} held in a field inserts into: the object is configured
 * where the field is assigned ({@code this.insertOwner = new SimpleJdbcInsert(ds).withTableName("owners")}),
 * and {@code insertOwner.executeAndReturnKey(params)} runs SQL that names it. spring-petclinic-rest's
 * repositories write this way; without the table, each such insert was a write of data optkit
 * could not name, which blocks every cache of the project.
 *
 * <p>Only when every value the field is given names the same literal table (and schema), and the
 * field is the class's own: a parameter, a local or a field assigned elsewhere stays unknown.
 */
public final class SimpleJdbcInsertTables {
  /** The inserting methods; a SimpleJdbcCall's {@code execute} runs a procedure, which is not an insert. */
  private static final Set<String> INSERTS = Set.of("execute", "executeAndReturnKey", "executeAndReturnKeyHolder",
      "executeBatch");

  private SimpleJdbcInsertTables() {}

  /** An INSERT statement naming the table ({@code INSERT INTO owners VALUES (?)}), or empty when it is not known. */
  public static Optional<String> insertOf(MethodCallExpr call) {
    if (!INSERTS.contains(call.getNameAsString())) {
      return Optional.empty();
    }
    Optional<String> field = ownField(call.getScope().orElse(null));
    Optional<TypeDeclaration<?>> type = call.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    if (field.isEmpty() || type.isEmpty() || type.get().getFieldByName(field.get()).isEmpty()
        || shadowed(call, field.get())) {
      return Optional.empty();
    }
    List<Expression> values = new ArrayList<>();
    FieldDeclaration declared = type.get().getFieldByName(field.get()).get();
    declared.getVariables().stream().filter(v -> v.getNameAsString().equals(field.get()))
        .map(VariableDeclarator::getInitializer).flatMap(Optional::stream).forEach(values::add);
    for (AssignExpr assignment : Subtrees.all(type.get(), AssignExpr.class)) {
      if (ownField(assignment.getTarget()).filter(field.get()::equals).isPresent()
          && assignment.findAncestor(TypeDeclaration.class).orElse(null) == type.get()) {
        if (assignment.getOperator() != AssignExpr.Operator.ASSIGN) {
          return Optional.empty();
        }
        values.add(assignment.getValue());
      }
    }
    String table = null;
    for (Expression value : values) {
      Optional<String> named = tableOf(value);
      if (named.isEmpty() || table != null && !table.equals(named.get())) {
        return Optional.empty();
      }
      table = named.get();
    }
    return table == null ? Optional.empty() : Optional.of("INSERT INTO " + table + " VALUES (?)");
  }

  /** {@code new SimpleJdbcInsert(ds).withSchemaName("s").withTableName("t").usingGeneratedKeyColumns("id")}: s.t */
  private static Optional<String> tableOf(Expression value) {
    String table = null;
    String schema = null;
    Expression at = value;
    while (at instanceof MethodCallExpr call) {
      boolean literal = call.getArguments().size() == 1 && call.getArgument(0) instanceof StringLiteralExpr;
      String name = call.getNameAsString();
      if (name.equals("withTableName") || name.equals("withSchemaName") || name.equals("withCatalogName")) {
        if (!literal) {
          return Optional.empty();
        }
        String text = ((StringLiteralExpr) call.getArgument(0)).asString();
        if (!text.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
          return Optional.empty();
        }
        if (name.equals("withTableName")) {
          table = table == null ? text : table;
        } else if (name.equals("withSchemaName")) {
          schema = schema == null ? text : schema;
        }
      }
      at = call.getScope().orElse(null);
    }
    boolean made = at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation
        && creation.getType().getNameAsString().equals("SimpleJdbcInsert");
    return made && table != null ? Optional.of(schema == null ? table : schema + "." + table) : Optional.empty();
  }

  /** Whether a parameter or local of the code around the call has the field's name (then the call may be on it). */
  private static boolean shadowed(MethodCallExpr call, String name) {
    com.github.javaparser.ast.Node around = call.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class)
        .map(c -> (com.github.javaparser.ast.Node) c).orElse(null);
    if (around == null) {
      return false; // a field initializer: no locals
    }
    return Subtrees.all(around, com.github.javaparser.ast.body.Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(name))
        || Subtrees.all(around, VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
  }

  /** {@code insertOwner} or {@code this.insertOwner}: a field of this object, by name. */
  private static Optional<String> ownField(Expression scope) {
    if (scope instanceof NameExpr name) {
      return Optional.of(name.getNameAsString());
    }
    if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return Optional.of(access.getNameAsString());
    }
    return Optional.empty();
  }
}
