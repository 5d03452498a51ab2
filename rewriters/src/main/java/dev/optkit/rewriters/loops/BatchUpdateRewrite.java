package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.proof.Reason;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code JdbcTemplate.update} per element, in a Spring transaction, becomes one
 * {@code batchUpdate} per {@value #CHUNK} rows after the loop: the loop collects each element's
 * arguments where it made the call, and the statements run after it, in the same order, in the same
 * transaction. Whatever fails, the transaction rolls back what either version wrote, so the rows
 * are the original's: unchanged when it fails, the same statements in the same order when it does
 * not. What that needs is proved first: the transaction (a Spring bean's public {@code @Transactional}
 * method that rolls back on what the loop can throw), one statement text, a call whose count is not
 * used, and a body that reads or changes nothing a deferred statement could have affected.
 */
final class BatchUpdateRewrite {
  static final int CHUNK = 1000;

  private static final Set<String> TEMPLATES = Set.of("org.springframework.jdbc.core.JdbcTemplate",
      "org.springframework.jdbc.core.JdbcOperations");
  private static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";
  /** Propagations that may run the method without a transaction of its own or its caller's. */
  private static final Set<String> NO_TRANSACTION = Set.of("SUPPORTS", "NOT_SUPPORTED", "NEVER");
  /** Stereotypes that make a class a Spring bean its callers reach through a proxy. */
  private static final Set<String> BEANS = Set.of("Service", "Component", "Repository", "Controller",
      "RestController", "ShellComponent");

  private final SourceDocument document;
  private final ProjectIndex index;
  private final LoopSites sites;

  BatchUpdateRewrite(SourceDocument document, CompilationUnit unit, ProjectIndex index) {
    this.document = document;
    this.index = index;
    this.sites = new LoopSites(document, unit, index);
  }

  FuturesJoinedInLoopRewrite.Outcome rewrite(CallableDeclaration<?> method, ForEachStmt loop, IndexedMethod indexed) {
    Optional<Reason> refused = shapeProblem(method, loop);
    if (refused.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(refused.get());
    }
    SourceRange body = FactRanges.span(loop.getBody());
    List<String> io = new ArrayList<>();
    MethodCallExpr update = null;
    for (IoSite inside : index.sitesOf(indexed)) {
      if (body.contains(inside.range())) {
        io.add(inside.snippet());
      }
    }
    for (MethodCallExpr call : loop.getBody().findAll(MethodCallExpr.class)) {
      if (sites.site(indexed, call).isPresent()) {
        update = call;
      } else if (!sites.reached(indexed, call).isEmpty()) {
        io.add(call.toString());
      }
    }
    if (io.size() != 1 || update == null) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_OTHER_IO, io.isEmpty() ? "optkit cannot find its statement in the loop's body"
          : "its body makes " + io.size() + " calls that query or wait on I/O (" + String.join(", ", io) + "): "
              + "optkit batches a loop whose one statement is a JdbcTemplate update");
    }
    IoSite site = sites.site(indexed, update).orElseThrow();
    if (!update.getNameAsString().equals("update") || site.kind() != ClientKind.DB || site.access() != Access.WRITE
        || site.receiverType() == null || !TEMPLATES.contains(site.receiverType())) {
      boolean query = update.getNameAsString().startsWith("query");
      // em.createQuery(...).executeUpdate() is made on the query the manager made, not on the manager
      String of = update.getScope().filter(scope -> scope instanceof MethodCallExpr).isPresent()
          ? "a " + site.provider() + " object" : site.receiverType() == null ? "a client optkit cannot name"
          : LoopSites.simple(site.receiverType());
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "its statement is " + update.getNameAsString() + "() of " + of
          + (query ? ", a query whose SQL changes state (a sequence's next value, a lock: FOR UPDATE), which optkit "
              + "neither loads ahead nor batches" : ", and optkit batches JdbcTemplate.update(sql, args...) into "
              + "batchUpdate"));
    }
    MethodCallExpr statement = update;
    Optional<Reason> call = transactionProblem(indexed).or(() -> callProblem(method, loop, statement, indexed)
        .or(() -> bodyProblem(method, loop, statement, indexed)));
    return call.isPresent() ? new FuturesJoinedInLoopRewrite.Refused(call.get()) : text(method, loop, statement);
  }

  private Optional<Reason> shapeProblem(CallableDeclaration<?> method, ForEachStmt loop) {
    Node parent = loop.getParentNode().orElse(null);
    if (!(loop.getBody() instanceof BlockStmt) || parent instanceof LabeledStmt || !(parent instanceof BlockStmt
        || parent instanceof SwitchEntry entry && entry.getType() == SwitchEntry.Type.STATEMENT_GROUP)) {
      return Reason.of(Proof.LOOP_SHAPE, "it is labelled, braceless, or the single statement of an if or a loop, where the batches "
          + "cannot go after it");
    }
    if (loop.findAncestor(LambdaExpr.class).filter(l -> LoopProof.isInside(l, method)).isPresent()) {
      return Reason.of(Proof.LOOP_SHAPE, "it runs inside a lambda");
    }
    for (Node at = parent; at != null && at != method; at = at.getParentNode().orElse(null)) {
      if (at instanceof TryStmt attempt && !attempt.getCatchClauses().isEmpty()) {
        return Reason.of(Proof.LOOP_SHAPE, "a catch around it would see the failure after the loop, with every element's other work "
            + "done, not in the element whose statement failed");
      }
    }
    int line = loop.getBegin().get().line;
    int endLine = loop.getEnd().get().line;
    if (!document.text().substring(document.lineStart(line), document.offset(line, loop.getBegin().get().column)).isBlank()
        || !document.text().substring(sites.offset(loop, false), document.lineEnd(endLine)).isBlank()) {
      return Reason.of(Proof.LOOP_SHAPE, "the loop shares its first or last line with other code, and optkit puts lines before and "
          + "after it");
    }
    return Optional.empty();
  }

  /**
   * The statements must run in a transaction that rolls back whatever the loop throws: a failure
   * then leaves the rows as they were in both versions. Spring's {@code @Transactional} on a public
   * method of a bean, applied by its proxy (no call through {@code this}), propagating into a real
   * transaction, rolling back on unchecked exceptions, with no checked one declared.
   */
  private Optional<Reason> transactionProblem(IndexedMethod indexed) {
    MethodFact fact = indexed.fact();
    Optional<TypeFact> owner = index.type(fact.ownerType());
    boolean onMethod = fact.hasAnnotation(TRANSACTIONAL);
    boolean onClass = owner.map(t -> t.hasAnnotation(TRANSACTIONAL)).orElse(false);
    if (!onMethod && !onClass) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "it runs outside a transaction of its own (no @Transactional on " + fact.displayName()
          + "()): each update commits by itself, so after a failure the original keeps the rows before it, which a "
          + "batch after the loop never wrote; optkit batches writes only inside one transaction");
    }
    String propagation = onMethod ? fact.annotationValue(AnnotationValues.TRANSACTION_PROPAGATION)
        : owner.get().annotationValues().get(AnnotationValues.TRANSACTION_PROPAGATION);
    if (propagation != null && NO_TRANSACTION.stream().anyMatch(propagation::endsWith)) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "its @Transactional propagation " + propagation + " may run it without a transaction");
    }
    boolean noRollback = onMethod ? fact.annotationValue(AnnotationValues.TRANSACTION_NO_ROLLBACK) != null
        : owner.get().annotationValues().containsKey(AnnotationValues.TRANSACTION_NO_ROLLBACK);
    if (noRollback) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "its @Transactional names exceptions that do not roll back: after one, the original "
          + "commits the rows before the failure and the batch none");
    }
    if (!fact.modifiers().thrown().isEmpty()) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "it declares checked exceptions (" + String.join(", ", fact.modifiers().thrown()) + "), on "
          + "which Spring commits: the original would keep the rows before one, the batch none");
    }
    if (!fact.modifiers().isPublic() || fact.isStatic() || fact.modifiers().isFinal()) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "it is not a public instance method Spring's proxy can wrap, so its @Transactional may "
          + "not apply");
    }
    if (owner.isEmpty() || owner.get().isFinal() || owner.get().annotations().stream()
        .noneMatch(a -> BEANS.contains(a.substring(a.lastIndexOf('.') + 1)))) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "its class is not a Spring bean optkit can see (@Service, @Component, @Repository), so "
          + "nothing shows its @Transactional applies");
    }
    // two databases: @Transactional binds one transaction manager, and a template on the other database commits
    // each update by itself (the original keeps the rows before a failure, the batch none)
    List<String> dataSources = index.methods().stream()
        .filter(m -> !dev.optkit.analyzers.source.SourceSet.isTestPath(m.path())
            && m.fact().annotations().stream().anyMatch(a -> a.equals("Bean") || a.endsWith(".Bean")))
        .filter(m -> m.fact().returnType() != null && (m.fact().returnType().endsWith("DataSource")
            || m.fact().returnType().endsWith("EmbeddedDatabase")))
        .map(m -> m.fact().displayName() + "()").distinct().sorted().toList();
    if (dataSources.size() > 1) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "the project declares " + dataSources.size() + " DataSources (" + String.join(", ", dataSources)
          + "), and optkit cannot tell that the transaction of " + fact.displayName() + "() covers the template's");
    }
    List<String> self = index.callersOf(indexed).stream().filter(c -> c.fact().ownerType().equals(fact.ownerType()))
        .map(c -> c.fact().displayName() + "()").distinct().toList();
    if (!self.isEmpty()) {
      return Reason.of(Proof.LOOP_BATCH_TRANSACTION, "it is also called through 'this' (" + String.join(", ", self) + "), where its "
          + "@Transactional does not apply");
    }
    return Optional.empty();
  }

  /** One statement text for every element, a count nobody reads, and arguments a list of values can carry. */
  private Optional<Reason> callProblem(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr update,
      IndexedMethod indexed) {
    if (!(update.getParentNode().orElse(null) instanceof ExpressionStmt)) {
      return Reason.of(Proof.LOOP_BATCH_FORM, "it uses what update() returns (the count of rows), which a batch gives only after the "
          + "loop, and as SUCCESS_NO_INFO (-2) where the driver reports none");
    }
    for (Node at = update.getParentNode().orElse(null); at != null && at != loop; at = at.getParentNode().orElse(null)) {
      if (at instanceof TryStmt) {
        return Reason.of(Proof.LOOP_BATCH_FORM, "its update is inside a try block, whose catch would no longer see a failed statement");
      }
      if (at instanceof LambdaExpr) {
        return Reason.of(Proof.LOOP_BATCH_FORM, "its update runs inside a lambda");
      }
    }
    Expression receiver = update.getScope().orElse(null);
    boolean field = receiver instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
        || receiver instanceof NameExpr name && !LoadAheadProof.declaredIn(method, name.getNameAsString());
    if (!field) {
      return Reason.of(Proof.LOOP_BATCH_FORM, "its update is called on " + receiver + ", not on a field of the class: the batches after "
          + "the loop could not name the same template");
    }
    if (update.getArguments().size() < 2) {
      return Reason.of(Proof.LOOP_BATCH_FORM, "its update has no arguments to collect per element");
    }
    Expression sql = update.getArgument(0);
    if (!LoopSites.constantText(method, loop, sql)) {
      return Reason.of(Proof.LOOP_BATCH_FORM, "its SQL is " + sql + ", which optkit cannot show is one text for every element: a batch "
          + "runs one statement");
    }
    for (Expression argument : update.getArguments().subList(1, update.getArguments().size())) {
      if (argument instanceof LambdaExpr || argument instanceof MethodReferenceExpr
          || argument instanceof ArrayCreationExpr || argument instanceof ArrayInitializerExpr
          || argument instanceof NameExpr name && declaredType(method, name.getNameAsString())
              .map(Type::isArrayType).orElse(update.getArguments().size() == 2)) {
        return Reason.of(Proof.LOOP_BATCH_FORM, "its update takes " + argument + ", which may be a setter or an array of arguments "
            + "rather than one value: optkit batches update(sql, value, ...)");
      }
      if (!unchangeableValue(method, loop, argument, indexed)) {
        // a Timestamp the loop moves on after each update (at.setTime(...)), a params(id) helper's Object[]: the
        // batch after the loop would send what they hold then, or an array as one value
        return Reason.of(Proof.LOOP_BATCH_FORM, "its update takes " + argument + ", which optkit cannot show is one value nothing changes "
            + "until the batch runs after the loop (a string, number, date-time or enum, or an element's getter of one)");
      }
    }
    return Optional.empty();
  }

  /** A literal, a computed string or number, or a local, parameter or element getter of an immutable type. */
  private boolean unchangeableValue(CallableDeclaration<?> method, ForEachStmt loop, Expression argument,
      IndexedMethod indexed) {
    Expression value = argument;
    while (value instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
      value = enclosed.getInner();
    }
    if (value instanceof com.github.javaparser.ast.expr.LiteralExpr || value instanceof com.github.javaparser.ast.expr.BinaryExpr
        || value instanceof com.github.javaparser.ast.expr.UnaryExpr) {
      return true;
    }
    if (value instanceof NameExpr name) {
      String written = name.getNameAsString().equals(loop.getVariableDeclarator().getNameAsString())
          ? loop.getVariableDeclarator().getType().asString()
          : declaredType(method, name.getNameAsString()).map(Type::asString).orElse("");
      return immutableValue(written);
    }
    if (value instanceof MethodCallExpr call && call.getScope().orElse(null) instanceof NameExpr type
        && immutableValue(type.getNameAsString()) && VALUE_FACTORIES.contains(call.getNameAsString())) {
      return true; // Long.valueOf(parts[0]), LocalDate.parse(text): a new value of an immutable type
    }
    if (value instanceof MethodCallExpr) {
      LoopKey.KeyOrProblem getter = LoopKey.of(loop, value, index, sites, indexed);
      return getter.key() != null && immutableValue(getter.key().type());
    }
    return false;
  }

  private static final java.util.Set<String> VALUE_FACTORIES = java.util.Set.of("valueOf", "parseLong", "parseInt",
      "parseDouble", "parseBoolean", "parse", "of", "fromString", "ofEpochMilli", "ofEpochSecond");

  private static boolean immutableValue(String written) {
    String simple = LoopSites.simple(TypeNames.raw(written));
    return LoopProof.IMMUTABLE.contains(simple) || java.util.Set.of("LocalDate", "LocalDateTime", "LocalTime",
        "Instant", "OffsetDateTime", "ZonedDateTime", "Duration", "Period", "Year", "YearMonth").contains(simple);
  }

  /**
   * The body may compute and fill the method's own locals, nothing more: a change of anything else
   * would be made for every element before the first statement runs, and a deferred statement's
   * failure would come after it.
   */
  private Optional<Reason> bodyProblem(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr update,
      IndexedMethod indexed) {
    Set<String> locals = new LinkedHashSet<>();
    method.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
    method.findAll(Parameter.class).stream().filter(p -> LoopProof.isInside(p, loop))
        .forEach(p -> locals.add(p.getNameAsString()));
    for (Node node : loop.getBody().findAll(Node.class)) {
      boolean own = node.findAncestor(LambdaExpr.class).filter(l -> LoopProof.isInside(l, loop)).isEmpty();
      if (own && node instanceof ReturnStmt) {
        return Reason.of(Proof.LOOP_EARLY_EXIT, "it may return from inside the loop ('" + node + "'), before the batches after it");
      }
      if (own && node instanceof ThrowStmt) {
        return Reason.of(Proof.LOOP_EARLY_EXIT, "it throws from inside the loop ('" + node + "'): the original had run the statements "
            + "before it by then, the batch none");
      }
      if (node instanceof AssignExpr assign && !(assign.getTarget() instanceof NameExpr target
          && locals.contains(target.getNameAsString()))) {
        return Reason.of(Proof.LOOP_AHEAD_STATE, "its body assigns " + assign.getTarget() + ", which is not a local" + LoopProof.elementOf(assign.getTarget()) + " of "
            + method.getNameAsString() + "()");
      }
      if (node instanceof UnaryExpr unary && unary.getOperator().name().contains("CREMENT")
          && !(unary.getExpression() instanceof NameExpr target && locals.contains(target.getNameAsString()))) {
        return Reason.of(Proof.LOOP_AHEAD_STATE, "its body changes " + unary.getExpression() + ", which is not a local" + LoopProof.elementOf(unary.getExpression()) + " of "
            + method.getNameAsString() + "()");
      }
    }
    for (MethodCallExpr call : loop.getBody().findAll(MethodCallExpr.class)) {
      if (call == update) {
        continue;
      }
      Expression receiver = call.getScope().orElse(null);
      while (receiver instanceof MethodCallExpr inner) {
        receiver = inner.getScope().orElse(null);
      }
      boolean madeInLoop = receiver instanceof NameExpr name && LoopSites.declaredInside(loop, name.getNameAsString());
      for (IndexedMethod target : sites.ref(indexed, call).map(index::allTargetsOf).orElse(List.of())) {
        Optional<String> why = sites.projectCallProblem(target, madeInLoop, 3);
        if (why.isPresent()) {
          return Reason.of(Proof.LOOP_AHEAD_STATE, "its body calls " + target.fact().displayName() + "(), which " + why.get());
        }
      }
      boolean held = receiver instanceof NameExpr name && !locals.contains(name.getNameAsString())
          && !Character.isUpperCase(name.getNameAsString().charAt(0))
          || receiver instanceof FieldAccessExpr || receiver instanceof ThisExpr;
      if (held && IteratedCollection.changes(call.getNameAsString())) {
        return Reason.of(Proof.LOOP_AHEAD_STATE, "its body calls " + call.getNameAsString() + "() on " + call.getScope().get() + ", which "
            + method.getNameAsString() + "() does not make");
      }
    }
    return Optional.empty();
  }

  private FuturesJoinedInLoopRewrite.Outcome text(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr update) {
    FreshNames names = new FreshNames(method);
    String batch = names.take("batchArgs");
    String from = names.take("from");
    Set<String> imports = new LinkedHashSet<>();
    String list = sites.use("java.util.List", imports);
    String arrayList = sites.use("java.util.ArrayList", imports);
    String nl = document.lineSeparator();
    String indent = document.indentationOf(loop.getBegin().get().line);
    String inner = indent + document.indentUnit();
    String template = sites.text(update.getScope().get());
    String sql = sites.text(update.getArgument(0));
    List<String> values = new ArrayList<>();
    for (Expression argument : update.getArguments().subList(1, update.getArguments().size())) {
      values.add(sites.text(argument));
    }
    int loopStart = document.lineStart(loop.getBegin().get().line);
    int loopEnd = document.lineEnd(loop.getEnd().get().line);
    StringBuilder out = new StringBuilder();
    out.append(indent).append("// optkit migrate: the loop's updates run after it, as JDBC batches of ").append(CHUNK)
        .append(" in the same order and").append(nl);
    out.append(indent).append("// the same transaction, instead of one round trip per element").append(nl);
    out.append(indent).append(list).append("<Object[]> ").append(batch).append(" = new ").append(arrayList)
        .append("<>();").append(nl);
    out.append(document.text(), loopStart, sites.offset(update, true))
        .append(batch).append(".add(new Object[] {").append(String.join(", ", values)).append("})")
        .append(document.text(), sites.offset(update, false), loopEnd);
    out.append(indent).append("for (int ").append(from).append(" = 0; ").append(from).append(" < ").append(batch)
        .append(".size(); ").append(from).append(" += ").append(CHUNK).append(") {").append(nl);
    out.append(inner).append(template).append(".batchUpdate(").append(sql).append(", ").append(batch)
        .append(".subList(").append(from).append(", ").append(sites.javaLang("Math")).append(".min(").append(from)
        .append(" + ").append(CHUNK).append(", ")
        .append(batch).append(".size())));").append(nl);
    out.append(indent).append('}').append(nl);
    return new FuturesJoinedInLoopRewrite.Rewritten(new TextEdit(loopStart, loopEnd, out.toString()), imports,
        "runs its updates as JDBC batches of " + CHUNK + " after the loop, in its transaction, instead of one "
            + "update per element");
  }

  private static Optional<Type> declaredType(CallableDeclaration<?> method, String name) {
    return method.findAll(VariableDeclarator.class).stream().filter(v -> v.getNameAsString().equals(name))
        .map(VariableDeclarator::getType).findFirst()
        .or(() -> method.findAll(Parameter.class).stream().filter(p -> p.getNameAsString().equals(name))
            .map(Parameter::getType).findFirst());
  }
}
