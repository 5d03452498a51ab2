package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.CallReceiver;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The scripts a singleton {@code @Bean} runs on the embedded database it makes and returns
 * ({@code return new EmbeddedDatabaseBuilder().addScript("data.sql").build();}): they write a database nobody can read
 * before the bean exists, once, so no cached read can hold an answer from before them. Read from the library's
 * bytecode, the build was a writer no eviction could follow (the spring sample's {@code AppConfig.dataSource()},
 * whose class extends a library configuration), and every read of the database was refused. A bean called by project
 * code, of another scope or not returned as made, is a write like any other.
 */
final class OwnDatabaseCreation {
  private static final String BUILDER = "org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder";
  private static final Set<String> BEAN = Set.of("org.springframework.context.annotation.Bean", "Bean");
  private static final Set<String> SCOPES = Set.of("org.springframework.context.annotation.Scope", "Scope",
      "org.springframework.web.context.annotation.RequestScope", "RequestScope",
      "org.springframework.web.context.annotation.SessionScope", "SessionScope",
      "org.springframework.cloud.context.config.annotation.RefreshScope", "RefreshScope");

  private OwnDatabaseCreation() {}

  static boolean is(ProjectIndex index, Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations,
      IndexedMethod method, IoSite site) {
    var fact = method.fact();
    // a name of its own (generateUniqueName(true)): a second context, or a bean made again, makes another database
    // rather than running the scripts on this one again (hostile review 95's e02, e05: the default name "testdb")
    if (!BUILDER.equals(site.receiverType()) || !site.method().equals("build")
        || fact.annotations().stream().noneMatch(BEAN::contains) || fact.annotations().stream().anyMatch(SCOPES::contains)
        || fact.isStatic() || !index.callersOf(method).stream().allMatch(caller -> proxiedBeanCall(index, declarations, caller, method))) {
      return false;
    }
    // two embedded databases of one name (the default "testdb") are one database: the second bean's scripts write
    // the first's, whose readers may have run
    long builders = index.methods().stream().filter(other -> index.sitesOf(other).stream()
        .anyMatch(s -> BUILDER.equals(s.receiverType()) && s.method().equals("build"))).count();
    if (builders != 1) {
      return false;
    }
    var owner = index.type(fact.ownerType()).orElse(null);
    if (owner == null || !owner.hasAnnotation("org.springframework.context.annotation.Configuration")) {
      return false;
    }
    Optional<CallableDeclaration<?>> declared = declarations.apply(method);
    // the body is the one return of the built database: nothing else in it, or run with it, writes
    return declared.flatMap(d -> d instanceof com.github.javaparser.ast.body.MethodDeclaration m ? m.getBody()
            : Optional.empty())
        .filter(body -> body.getStatements().size() == 1 && body.getStatement(0) instanceof ReturnStmt returned
            && returned.getExpression().flatMap(com.github.javaparser.ast.Node::getRange).map(range ->
                range.begin.line == site.range().line() && range.begin.column == site.range().column()
                    && range.end.line == site.range().endLine() && range.end.column == site.range().endColumn())
                .orElse(false)
            && returned.getExpression().get().findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
                .anyMatch(OwnDatabaseCreation::uniqueName))
        .isPresent();
  }

  /** {@code generateUniqueName(true)}, a link of the builder's chain. */
  private static boolean uniqueName(com.github.javaparser.ast.expr.MethodCallExpr call) {
    return call.getNameAsString().equals("generateUniqueName") && call.getArguments().size() == 1
        && call.getArgument(0) instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr flag && flag.getValue();
  }

  /**
   * Whether a caller is another {@code @Bean} method of the same proxied {@code @Configuration} class calling it on
   * itself ({@code new JdbcTemplate(dataSource())}: hostile review 95's e03): the configuration's proxy answers the
   * one bean, and the scripts do not run again. Not in lite mode ({@code proxyBeanMethods = false}), nor where the
   * project makes the class with {@code new} (no proxy then).
   */
  private static boolean proxiedBeanCall(ProjectIndex index,
      Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations, IndexedMethod caller, IndexedMethod bean) {
    String owner = bean.fact().ownerType();
    var type = index.type(owner).orElse(null);
    if (type == null || !caller.fact().ownerType().equals(owner) || caller.fact().isStatic()
        || caller.fact().annotations().stream().noneMatch(BEAN::contains)) {
      return false;
    }
    boolean proxied = declarations.apply(bean).flatMap(com.github.javaparser.ast.Node::getParentNode)
        .filter(com.github.javaparser.ast.body.TypeDeclaration.class::isInstance)
        .map(parent -> (com.github.javaparser.ast.body.TypeDeclaration<?>) parent)
        .flatMap(declared -> declared.getAnnotationByName("Configuration"))
        .map(configuration -> !(configuration instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr normal
            && normal.getPairs().stream().anyMatch(pair -> pair.getNameAsString().equals("proxyBeanMethods")
                && !pair.getValue().toString().equals("true"))))
        .orElse(false);
    if (!proxied) {
      return false;
    }
    boolean madeWithNew = index.methods().stream().flatMap(m -> m.fact().constructorCalls().stream())
        .anyMatch(made -> owner.equals(made.receiverType()) || made.name().equals(type.simpleName()));
    return !madeWithNew && caller.fact().calls().stream()
        .filter(call -> call.name().equals(bean.fact().name()) && index.allTargetsOf(call).contains(bean))
        .allMatch(call -> call.receiver() == CallReceiver.IMPLICIT || call.receiver() == CallReceiver.THIS);
  }
}
