package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Reason;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.rewriters.caching.text.JavaText;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code JdbcTemplate.queryForObject(sql, rowMapper, key)} per element of a loop (a JDBC N+1)
 * becomes one query per 1,000 keys before the loop, its {@code key = ?} written {@code key IN (?, ...)},
 * and each element takes its row from what they loaded:
 *
 * <pre>
 * Map&lt;Long, List&lt;Customer&gt;&gt; loadedCustomers = ...;   // every key asked, once, in input order
 * ... one IN query per 1,000 keys, each row mapped by the loop's own RowMapper under its key ...
 * for (Long id : ids) {
 *     Customer customer = loadedCustomers.containsKey(id) &amp;&amp; loadedCustomers.get(id).size() == 1
 *         ? loadedCustomers.remove(id).get(0) : jdbcTemplate.queryForObject(SQL, mapper, id);
 *     ... (the loop's statements, unchanged)
 * }
 * </pre>
 *
 * A key with exactly one row takes it, mapped as queryForObject maps it (row number 0); any other
 * key runs the original query in its own turn, which gives what it gave: a missing key's
 * {@code EmptyResultDataAccessException}, several rows' {@code IncorrectResultSizeDataAccessException},
 * a null key's own failure, and a key asked again its own fresh object. What is proved first: the SQL
 * (read by JSqlParser, {@link KeyQuerySql}) finds for many keys exactly the rows it finds for each;
 * the keys compare as the database compares them (numbers, UUIDs); the RowMapper can be made ahead
 * of the loop; and the loop's body passes {@link LoadAheadProof}.
 *
 * <p>A {@code List<Genre> genres = jdbcTemplate.query(sql, rowMapper, key)} per element (a list
 * per key) is batched alike: each key's rows are mapped in the IN query's order, numbered 0, 1,
 * 2... per key as its own query numbers them, and the loop takes
 * {@code loaded.containsKey(k) ? loaded.remove(k) : jdbcTemplate.query(...)}: a key with no rows
 * its empty list, a key asked again, a null key, or one whose rows the mapper failed on its own
 * query as before. Only for SQL with an ORDER BY that orders one key's rows
 * ({@link KeyQuerySql#orderProblem()}): the IN query keeps it, and sorts each key's rows as the
 * one-key query does.
 */
final class JdbcKeyQueryBatchRewrite {
  /** Keys per query: Oracle's IN-list limit, and below SQL Server's 2,100 and PostgreSQL's 32,767 binds. */
  static final int CHUNK = FindByIdBatchRewrite.CHUNK;

  private static final Set<String> TEMPLATES = Set.of("org.springframework.jdbc.core.JdbcTemplate",
      "org.springframework.jdbc.core.JdbcOperations");
  /** What a List of rows may be declared as: the loaded map's List is one. */
  private static final Set<String> ROW_LISTS = Set.of("List", "Collection", "Iterable");
  /** What a row may be added to, one per element: a local declared as one of these of one named type. */
  private static final Set<String> ADDED_TO = Set.of("List", "ArrayList", "LinkedList", "Collection", "Set",
      "HashSet", "LinkedHashSet");
  /** Key types equal in Java exactly when equal in the database. */
  private static final Set<String> KEY_TYPES = Set.of("Long", "Integer", "UUID");

  private final SourceDocument document;
  private final LoopSites sites;
  private final LoadAheadProof ahead;
  private final RowMapperProof rowMappers;
  private final dev.optkit.analyzers.index.ProjectIndex index;

  JdbcKeyQueryBatchRewrite(SourceDocument document, CompilationUnit unit, dev.optkit.analyzers.index.ProjectIndex index,
      LoopSites sites, LoadAheadProof ahead) {
    this.document = document;
    this.sites = sites;
    this.ahead = ahead;
    this.rowMappers = new RowMapperProof(index, sites);
    this.index = index;
  }

  /** Whether the call is a JdbcTemplate (or NamedParameterJdbcTemplate) query this rewrite is the one to judge. */
  static boolean handles(IoSite site) {
    return site.receiverType() != null && (TEMPLATES.contains(site.receiverType()) || NamedKeyQuery.isNamed(site));
  }

  /** The key's expression: the last argument, or the value of a NamedParameterJdbcTemplate query's one parameter. */
  private static Expression keyOf(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr query, boolean named) {
    return named ? NamedKeyQuery.of(method, loop, query.getArgument(1)).key() : query.getArgument(2);
  }

  /** The RowMapper: query(sql, rowMapper, key) and, named, query(sql, params, rowMapper). */
  private static Expression mapperOf(MethodCallExpr query, boolean named) {
    return query.getArgument(named ? 2 : 1);
  }

  FuturesJoinedInLoopRewrite.Outcome rewrite(CallableDeclaration<?> method, ForEachStmt loop, IndexedMethod indexed,
      MethodCallExpr query, IoSite site) {
    boolean named = NamedKeyQuery.isNamed(site);
    Optional<Reason> problem = ahead.shapeProblem(method, loop, query.getNameAsString())
        .or(() -> Reason.of(Proof.LOOP_BATCH_FORM, callProblem(method, loop, query, indexed, named)))
        .or(() -> ahead.bodyProblem(method, loop, query, indexed));
    if (problem.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(problem.get());
    }
    Optional<String> text = sqlText(method, query.getArgument(0), 0);
    if (text.isEmpty()) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "optkit cannot read its SQL's text as the source writes it: a "
          + "literal, a text block, or a final field or local set to one");
    }
    String parameter = named ? NamedKeyQuery.of(method, loop, query.getArgument(1)).parameter() : null;
    String[] positional = named ? NamedKeyQuery.positional(text.get(), parameter) : new String[] {text.get(), null};
    if (positional[1] != null) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, positional[1]);
    }
    KeyQuerySql sql = KeyQuerySql.of(positional[0]);
    if (sql.problem() != null) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, sql.problem());
    }
    boolean list = query.getNameAsString().equals("query");
    if (list && sql.orderProblem() != null) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, sql.orderProblem());
    }
    LoopKey key = LoopKey.of(loop, keyOf(method, loop, query, named), index, sites, indexed).key();
    String keyType = key.type();
    String elementType = LoopProof.boxed(loop.getVariableDeclarator().getType().asString());
    String iterable = sites.iterableText(loop);
    // a getter's collection: the loop's own header, which compiles, shows its elements fit the element type
    String collected = IterableGetter.is(loop) ? LoopProof.boxed(loop.getVariableDeclarator().getType().asString())
        : LoopProof.boxed(IteratedCollection.declaredElementType(method, loop, iterable));
    if (!KEY_TYPES.contains(LoopSites.simple(keyType))) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "its keys are " + keyType + ", and optkit batches Long, Integer "
          + "and UUID keys only: those compare in Java as the database compares them");
    }
    if (!LoopSites.simple(collected).equals(LoopSites.simple(elementType))) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_COLLECTION, iterable + " holds " + (collected.isEmpty() ? "elements of a type "
          + "optkit cannot name" : collected) + ", not the loop's " + elementType);
    }
    if (!(query.getParentNode().get() instanceof VariableDeclarator declared)) {
      // productDbList.add(jdbcTemplate.queryForObject(...)): the row type is the collection's element type
      return text(method, loop, query, sql, key, addedTo(method, loop, query), list, true, parameter);
    }
    return text(method, loop, query, sql, key, list ? rowsOf(declared) : LoopProof.boxed(declared.getType().asString()),
        list, false, parameter);
  }

  /**
   * {@code Product} when the query is {@code products.add(jdbcTemplate.queryForObject(...))}, a
   * statement of the loop's own body (run once per element, as a declaration is), on a local of the
   * method declared outside the loop as a {@code List}, {@code Collection} or {@code Set} of one
   * named type; null otherwise.
   */
  static String addedTo(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr query) {
    if (!(query.getParentNode().orElse(null) instanceof MethodCallExpr add) || !add.getNameAsString().equals("add")
        || add.getArguments().size() != 1 || add.getArgument(0) != query
        || !(add.getScope().orElse(null) instanceof NameExpr collection)
        || !(add.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt statement)
        || statement.getParentNode().orElse(null) != loop.getBody()
        || LoopSites.declaredInside(loop, collection.getNameAsString())) {
      return null;
    }
    java.util.List<VariableDeclarator> named = method.findAll(VariableDeclarator.class).stream()
        .filter(v -> v.getNameAsString().equals(collection.getNameAsString())).toList();
    if (named.size() != 1 || !(named.get(0).getType() instanceof ClassOrInterfaceType type)
        || !ADDED_TO.contains(type.getNameAsString())
        || type.getTypeArguments().filter(arguments -> arguments.size() == 1).isEmpty()) {
      return null;
    }
    Type row = type.getTypeArguments().get().get(0);
    return row instanceof ClassOrInterfaceType named1 && named1.getTypeArguments().isEmpty() ? row.asString() : null;
  }

  private Optional<String> callProblem(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr query,
      IndexedMethod indexed, boolean named) {
    String name = query.getNameAsString();
    boolean list = name.equals("query");
    if (!(list || name.equals("queryForObject")) || query.getArguments().size() != 3) {
      return Optional.of("its query is " + name + "() with " + query.getArguments().size() + " arguments, and optkit "
          + "batches " + (named ? "queryForObject(sql, params, rowMapper) and query(sql, params, rowMapper)"
              : "queryForObject(sql, rowMapper, key) and query(sql, rowMapper, key)") + (name.equals("queryForList")
              ? " (queryForList's rows are one column, or maps of every column: the one query for many keys must "
                  + "return the key column too)" : ""));
    }
    if (query.getArguments().stream().anyMatch(a -> a instanceof ArrayCreationExpr)) {
      return Optional.of("its arguments are an array (" + name + "(sql, new Object[] {...}, rowMapper)), and optkit "
          + "batches " + name + "(sql, rowMapper, key), the key its one argument");
    }
    if (named && NamedKeyQuery.of(method, loop, query.getArgument(1)).problem() != null) {
      return Optional.of(NamedKeyQuery.of(method, loop, query.getArgument(1)).problem());
    }
    Expression keyExpression = keyOf(method, loop, query, named);
    LoopKey.KeyOrProblem key = LoopKey.of(loop, keyExpression, index, sites, indexed);
    if (key.key() == null) {
      return Optional.of("its key " + keyExpression + ": " + key.problem());
    }
    Expression receiver = query.getScope().orElse(null);
    boolean field = receiver instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
        || receiver instanceof NameExpr held && !LoadAheadProof.declaredIn(method, held.getNameAsString());
    if (!field) {
      return Optional.of("its query is called on " + receiver + ", not on a field of the class: the loading before "
          + "the loop could not name the same template");
    }
    if (!LoopSites.constantText(method, loop, query.getArgument(0))) {
      return Optional.of("its SQL is " + query.getArgument(0) + ", which optkit cannot show is one text for every "
          + "element");
    }
    Optional<String> kind = list ? rowMappers.kindProblem(method, mapperOf(query, named)) : Optional.empty();
    if (kind.isPresent()) {
      return Optional.of("optkit batches query(sql, " + (named ? "params, rowMapper" : "rowMapper, key") + "), and its "
          + mapperOf(query, named) + " may be another callback, whose query answers otherwise than with a list of "
          + "mapped rows: " + kind.get());
    }
    Optional<String> mapper = rowMappers.problem(method, mapperOf(query, named));
    if (mapper.isPresent()) {
      return Optional.of("optkit cannot show its RowMapper maps a row alike before the loop, in the database's order, "
          + "as in each element's turn: " + mapper.get());
    }
    boolean added = !list && addedTo(method, loop, query) != null;
    if (!added && (!(query.getParentNode().orElse(null) instanceof VariableDeclarator declared)
        || declared.getType().isVarType() || list && rowsOf(declared) == null)) {
      return Optional.of(list ? "its rows are not the value of a variable declared a List, Collection or Iterable of "
          + "one named type, which the loaded rows' map must name" : "its row is not the value of a variable declared "
          + "with its type, nor added by a statement of the loop's body to a local List, Collection or Set of one "
          + "named type, which the loaded rows' map must name");
    }
    for (Node at = query.getParentNode().orElse(null); at != null && at != loop; at = at.getParentNode().orElse(null)) {
      if (at instanceof TryStmt) {
        return Optional.of("its query is inside a try block, whose catch would no longer see a failed load: the "
            + "loading before the loop would fail for every element");
      }
    }
    return Optional.empty();
  }

  /** {@code Genre} of {@code List<Genre> genres}, or null when it is declared otherwise. */
  private static String rowsOf(VariableDeclarator declared) {
    if (declared.getType() instanceof ClassOrInterfaceType type && ROW_LISTS.contains(type.getNameAsString())
        && type.getTypeArguments().filter(arguments -> arguments.size() == 1).isPresent()) {
      Type row = type.getTypeArguments().get().get(0);
      return row instanceof WildcardType ? null : row.asString();
    }
    return null;
  }

  /**
   * The SQL exactly as the source writes it (the assessment keeps a squashed copy, where a line
   * comment would swallow the next line): a literal, a text block, literals joined with +, or a
   * final field or a local set once to one of those.
   */
  private static Optional<String> sqlText(CallableDeclaration<?> method, Expression sql, int depth) {
    if (depth > 4) {
      return Optional.empty();
    }
    if (sql instanceof StringLiteralExpr literal) {
      return Optional.of(literal.asString());
    }
    if (sql instanceof TextBlockLiteralExpr block) {
      return Optional.of(block.asString());
    }
    if (sql instanceof EnclosedExpr enclosed) {
      return sqlText(method, enclosed.getInner(), depth + 1);
    }
    if (sql instanceof BinaryExpr join && join.getOperator() == BinaryExpr.Operator.PLUS) {
      return sqlText(method, join.getLeft(), depth + 1).flatMap(left -> sqlText(method, join.getRight(), depth + 1)
          .map(right -> left + right));
    }
    if (sql instanceof NameExpr name) {
      Optional<VariableDeclarator> local = method.findAll(VariableDeclarator.class).stream()
          .filter(v -> v.getNameAsString().equals(name.getNameAsString())).findFirst();
      if (local.isPresent()) {
        return local.get().getInitializer().flatMap(value -> sqlText(method, value, depth + 1));
      }
      for (Node at = method.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
        if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
          for (com.github.javaparser.ast.body.FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
              if (variable.getNameAsString().equals(name.getNameAsString())) {
                return field.isFinal() ? variable.getInitializer().flatMap(value -> sqlText(method, value, depth + 1))
                    : Optional.empty();
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private FuturesJoinedInLoopRewrite.Outcome text(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr query,
      KeyQuerySql sql, LoopKey loopKey, String rowType, boolean perKey, boolean added, String parameter) {
    String keyType = loopKey.type();
    FreshNames names = new FreshNames(method);
    String element = loop.getVariableDeclarator().getNameAsString();
    String iterable = sites.iterableText(loop);
    String rowName = LoopSites.simple(rowType);
    String loaded = names.take("loaded" + rowName + "s");
    String key = names.take("key");
    String toLoad = names.take("keysToLoad");
    String from = names.take("from");
    String chunk = names.take("chunk");
    String marks = names.take("marks");
    String resultSet = names.take("rs");
    String rows = names.take("rows");
    String rowKey = names.take("rowKey");
    String failure = names.take("failure");
    Set<String> imports = new LinkedHashSet<>();
    String map = sites.use("java.util.Map", imports);
    String linkedMap = sites.use("java.util.LinkedHashMap", imports);
    String list = sites.use("java.util.List", imports);
    String arrayList = sites.use("java.util.ArrayList", imports);
    String collections = sites.use("java.util.Collections", imports);
    String resultSetType = sites.use("java.sql.ResultSet", imports);
    String sqlException = sites.use("java.sql.SQLException", imports);
    String string = sites.javaLang("String");
    String math = sites.javaLang("Math");
    if (keyType.equals("UUID")) {
      keyType = sites.use("java.util.UUID", imports);
    }
    String template = sites.text(query.getScope().get());
    Expression mapperArgument = mapperOf(query, parameter != null);
    boolean named = mapperArgument instanceof NameExpr || mapperArgument instanceof FieldAccessExpr;
    String mapper = named ? sites.text(mapperArgument) : names.take(Character.toLowerCase(rowName.charAt(0))
        + rowName.substring(1) + "Rows");
    String nl = document.lineSeparator();
    String unitIndent = document.indentUnit();
    String indent = document.indentationOf(loop.getBegin().get().line);
    String i1 = indent + unitIndent;
    String i2 = i1 + unitIndent;
    String i3 = i2 + unitIndent;
    StringBuilder out = new StringBuilder();
    out.append(JavaText.lineComment(indent, perKey ? "optkit migrate: one query per " + CHUNK + " keys before the loop "
        + "instead of a query per key; each key takes its rows once, in the query's order, numbered from 0 as its "
        + "own query numbers them (no rows: an empty list), and a key asked again, null, or whose rows the mapper "
        + "failed on runs its query as before" : "optkit migrate: one query per " + CHUNK + " keys before the loop "
        + "instead of a queryForObject per key; a key with exactly one row takes it once, and any other key (no row "
        + "or several, asked again, null) runs queryForObject as before", nl));
    if (!named) {
      String rowMapper = sites.use("org.springframework.jdbc.core.RowMapper", imports);
      // added to a collection of Product, the mapper may make a subtype of it
      out.append(indent).append(rowMapper).append('<').append(added ? "? extends " : "").append(rowType).append("> ")
          .append(mapper).append(" = ")
          .append(sites.text(mapperArgument)).append(';').append(nl);
    }
    out.append(indent).append(map).append('<').append(keyType).append(", ").append(list).append('<').append(rowType)
        .append(">> ").append(loaded).append(" = new ").append(linkedMap).append("<>();").append(nl);
    out.append(loopKey.collectLoop(indent, unitIndent, nl, iterable, loopKey.isElement() ? keyType
        : loop.getVariableDeclarator().getType().asString(), element, key, loaded, "new " + arrayList + "<>()"));
    out.append(indent).append(list).append('<').append(keyType).append("> ").append(toLoad).append(" = new ")
        .append(arrayList).append("<>(").append(loaded).append(".keySet());").append(nl);
    out.append(indent).append("for (int ").append(from).append(" = 0; ").append(from).append(" < ").append(toLoad)
        .append(".size(); ").append(from).append(" += ").append(CHUNK).append(") {").append(nl);
    out.append(i1).append(list).append('<').append(keyType).append("> ").append(chunk).append(" = ").append(toLoad)
        .append(".subList(").append(from).append(", ").append(math).append(".min(").append(from).append(" + ").append(CHUNK)
        .append(", ").append(toLoad).append(".size()));").append(nl);
    if (parameter != null) {
      // NamedParameterJdbcTemplate expands a collection's value into one '?' per element
      out.append(i1).append(template).append(".query(").append(JavaText.literal(sql.before() + "IN (:" + parameter
          + ")" + sql.after())).append(", ").append(collections).append(".singletonMap(")
          .append(JavaText.literal(parameter)).append(", ").append(chunk).append("),").append(nl);
    } else {
      out.append(i1).append(string).append(' ').append(marks).append(" = ").append(string).append(".join(\", \", ")
          .append(collections)
          .append(".nCopies(").append(chunk).append(".size(), \"?\"));").append(nl);
      out.append(i1).append(template).append(".query(").append(JavaText.literal(sql.before() + "IN (")).append(" + ")
          .append(marks).append(" + ").append(JavaText.literal(")" + sql.after())).append(',').append(nl);
    }
    String i4 = i3 + unitIndent;
    String i5 = i4 + unitIndent;
    out.append(i3).append('(').append(resultSetType).append(' ').append(resultSet).append(") -> {").append(nl);
    out.append(i4).append(keyType).append(' ').append(rowKey).append(" = ").append(resultSet).append(".getObject(")
        .append(JavaText.literal(sql.keyLabel())).append(", ").append(keyType).append(".class);").append(nl);
    out.append(i4).append(list).append('<').append(rowType).append("> ").append(rows).append(" = ").append(loaded)
        .append(".get(").append(rowKey).append(");").append(nl);
    out.append(i4).append("if (").append(rows).append(" != null) {").append(nl);
    out.append(i5).append("try {").append(nl);
    // a key's own query numbers its rows 0, 1, 2...: the rows it has so far, a failed one having dropped the key
    out.append(i5).append(unitIndent).append(rows).append(".add(").append(mapper).append(".mapRow(").append(resultSet)
        .append(", ").append(perKey ? rows + ".size()" : "0").append("));").append(nl);
    out.append(i5).append("} catch (").append(sqlException).append(" | RuntimeException ").append(failure).append(") {")
        .append(nl);
    out.append(i5).append(unitIndent).append(loaded).append(".remove(").append(rowKey).append(");")
        .append(" // queried again in its turn, where it fails as before").append(nl);
    out.append(i5).append('}').append(nl);
    out.append(i4).append('}').append(nl);
    out.append(i3).append(parameter != null ? "});" : "}, " + chunk + ".toArray());").append(nl);
    out.append(indent).append('}').append(nl);
    int loopStart = document.lineStart(loop.getBegin().get().line);
    int loopEnd = document.lineEnd(loop.getEnd().get().line);
    String asked = loopKey.of(element);
    String lookup = perKey ? loaded + ".containsKey(" + asked + ") ? " + loaded + ".remove(" + asked + ") : "
        + sites.text(query) : loaded + ".containsKey(" + asked + ") && " + loaded + ".get(" + asked + ").size() == 1 ? "
        + loaded + ".remove(" + asked + ").get(0) : " + sites.text(query);
    out.append(document.text(), loopStart, sites.offset(query, true)).append(lookup)
        .append(document.text(), sites.offset(query, false), loopEnd);
    return new FuturesJoinedInLoopRewrite.Rewritten(new TextEdit(loopStart, loopEnd, out.toString()), imports,
        "loads its " + rowName + " rows with one IN query per " + CHUNK + " keys instead of a "
            + (perKey ? "query" : "queryForObject") + " per key");
  }
}
