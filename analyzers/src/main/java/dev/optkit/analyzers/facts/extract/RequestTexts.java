package dev.optkit.analyzers.facts.extract;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.sites.SqlStatements;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an I/O site sends, as far as the source tells: the HTTP method and URL of an API call, the
 * SQL of a database call (traced through locals and prepared statements), and the parameter a
 * query wrapper runs as SQL.
 */
public final class RequestTexts {
  private static final Pattern URL_LIKE = Pattern.compile("^(https?://|/|\\{)");

  private final MethodScan m;
  private final CallableDeclaration<?> callable;
  private final FileScan file;

  RequestTexts(MethodScan m) {
    this.m = m;
    this.callable = m.callable;
    this.file = m.file;
  }

  String httpMethodOf(ClientSignature client, MethodCallExpr call, List<MethodCallExpr> links) {
    if (client.id().equals("okhttp-call")) {
      // no verb: a GET read off its Request.Builder made OkHttp reads cacheable, and hostile review 83 proved that stale
      // or wrong (an interceptor adding the caller's token, a builder's verb set in an anonymous body, a Response
      // cached and closed); the call stays of unknown access, as before
      return null;
    }
    if (client.fluent()) {
      String root = links.get(0).getNameAsString();
      if (Set.of("get", "post", "put", "patch", "delete", "head", "options").contains(root)) {
        return root.toUpperCase(Locale.ROOT);
      }
      for (MethodCallExpr link : links) {
        String name = link.getNameAsString();
        if (Set.of("get", "post", "put", "delete", "head", "options").contains(name) && link != links.get(0)) {
          return name.toUpperCase(Locale.ROOT);
        }
      }
      return null;
    }
    String name = call.getNameAsString();
    if (name.startsWith("getFor") || name.equals("headForHeaders")) {
      return name.startsWith("get") ? "GET" : "HEAD";
    }
    if (name.startsWith("postFor")) {
      return "POST";
    }
    if (name.equals("put")) {
      return "PUT";
    }
    if (name.equals("delete")) {
      return "DELETE";
    }
    if (name.startsWith("patchFor")) {
      return "PATCH";
    }
    for (Expression argument : call.getArguments()) {
      if (argument instanceof FieldAccessExpr access && access.getScope().toString().endsWith("HttpMethod")) {
        return access.getNameAsString();
      }
    }
    for (Expression traced : m.locals.traced(call.getArguments())) {
      for (MethodCallExpr link : Subtrees.all(traced, MethodCallExpr.class)) {
        String linkName = link.getNameAsString();
        if (Set.of("GET", "POST", "PUT", "DELETE", "HEAD").contains(linkName)) {
          return linkName;
        }
        if (linkName.equals("method") && link.getArguments().isNonEmpty()) {
          String method = file.strings.text(link.getArgument(0));
          if (method != null) {
            return method.toUpperCase(Locale.ROOT);
          }
        }
        if (linkName.equals("newBuilder")) {
          return "GET";
        }
      }
      for (ObjectCreationExpr creation : Subtrees.all(traced, ObjectCreationExpr.class)) {
        String type = creation.getType().getNameAsString();
        if (type.startsWith("Http") && type.length() > 4) {
          String verb = type.substring(4).toUpperCase(Locale.ROOT);
          if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(verb)) {
            return verb;
          }
        }
      }
    }
    return null;
  }

  String urlOf(MethodCallExpr call, List<MethodCallExpr> links) {
    List<Expression> candidates = new ArrayList<>();
    for (MethodCallExpr link : links) {
      if (link.getNameAsString().equals("uri") || link.getNameAsString().equals("target")
          || link.getNameAsString().equals("url") || link == call) {
        candidates.addAll(link.getArguments());
      }
    }
    if (call.getScope().isPresent() && links.size() == 1) {
      candidates.add(call.getScope().get());
    }
    List<Expression> traced = m.locals.traced(candidates);
    for (Expression expression : traced) {
      String found = urlText(expression);
      if (found != null) {
        return found;
      }
    }
    noteUrlParameter(call, traced);
    return null;
  }

  /** Where a URL is given: the client call's first argument, or what a URI, URL or request is made of. */
  private static final Set<String> URL_TAKERS = Set.of("create", "uri", "url", "target", "newBuilder", "URI", "URL",
      "HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "HttpHead", "HttpOptions", "HttpRequest");

  /**
   * The URL is one of the method's String parameters, never reassigned, given to the client call or to
   * what makes its request ({@code URI.create(url)}, {@code new HttpGet(url)}, {@code .url(url)}): the
   * method is an HTTP helper, and each of its call sites given URL text is a call of that URL.
   */
  private void noteUrlParameter(MethodCallExpr call, List<Expression> traced) {
    if (m.urlParameter == -2) {
      return;
    }
    List<Expression> given = new ArrayList<>();
    if (call.getArguments().isNonEmpty()) {
      given.add(call.getArgument(0));
    }
    for (Expression expression : assignedOnce(traced)) {
      for (com.github.javaparser.ast.Node node : Subtrees.all(expression, com.github.javaparser.ast.Node.class)) {
        if (node instanceof MethodCallExpr taker && URL_TAKERS.contains(taker.getNameAsString())
            && taker.getArguments().isNonEmpty()) {
          given.add(taker.getArgument(0));
        } else if (node instanceof ObjectCreationExpr creation && URL_TAKERS.contains(creation.getType().getNameAsString())
            && creation.getArguments().isNonEmpty()) {
          given.add(creation.getArgument(0));
        }
      }
    }
    for (Expression expression : given) {
      int parameter = unchangedStringParameter(expression, m);
      if (parameter >= 0) {
        m.urlParameter = m.urlParameter >= 0 && m.urlParameter != parameter ? -2 : parameter;
        return;
      }
    }
  }

  /**
   * The traced expressions and what the locals among them are assigned where they are declared
   * without a value or with null ({@code HttpURLConnection connection = null; ... connection =
   * (HttpURLConnection) new URL(url).openConnection();}), when assigned exactly once.
   */
  private List<Expression> assignedOnce(List<Expression> traced) {
    List<Expression> result = new ArrayList<>(traced);
    if (m.nodes == null) {
      return result;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < result.size() && i < 64; i++) {
      for (NameExpr name : result.get(i).findAll(NameExpr.class)) {
        String variable = name.getNameAsString();
        Expression init = m.locals.initializers.get(variable);
        if (!seen.add(variable) || init != null && !init.isNullLiteralExpr()) {
          continue;
        }
        List<Expression> values = m.nodes.assignments.stream()
            .filter(a -> a.getTarget() instanceof NameExpr target && target.getNameAsString().equals(variable))
            .map(com.github.javaparser.ast.expr.AssignExpr::getValue).toList();
        if (values.size() == 1) {
          result.addAll(m.locals.traced(values));
        }
      }
    }
    return result;
  }

  /** Text that looks like a URL or a path of one ({@code http://...}, {@code /users/{id}}, {@code {base}/x}). */
  static boolean looksLikeUrl(String text) {
    return text != null && text.length() > 1 && URL_LIKE.matcher(text).find() && !text.contains(" ");
  }

  /**
   * The index of the method's String (or CharSequence) parameter this expression is, as it was
   * passed in: never assigned in the body. -1 for anything else.
   */
  static int unchangedStringParameter(Expression expression, MethodScan m) {
    if (!(expression instanceof NameExpr name) || m.locals.initializers.containsKey(name.getNameAsString())) {
      return -1;
    }
    int i = stringParameter(name, m);
    return i >= 0 && !reassigned(name, m) ? i : -1;
  }

  /** The index of the String (or CharSequence) parameter of this name, or -1. */
  private static int stringParameter(NameExpr name, MethodScan m) {
    for (int i = 0; i < m.callable.getParameters().size(); i++) {
      Parameter parameter = m.callable.getParameter(i);
      if (parameter.getNameAsString().equals(name.getNameAsString())
          && parameter.getType().asString().replace("java.lang.", "").matches("String|CharSequence")) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the body assigns this name anywhere (beside its declaration). */
  static boolean reassigned(NameExpr name, MethodScan m) {
    return m.nodes != null && m.nodes.assignments.stream().anyMatch(a -> a.getTarget()
        instanceof NameExpr target && target.getNameAsString().equals(name.getNameAsString()));
  }

  private String urlText(Expression expression) {
    String direct = file.strings.text(expression);
    if (direct != null && URL_LIKE.matcher(direct).find()) {
      return direct;
    }
    for (Expression inner : Subtrees.all(expression, Expression.class)) {
      if (inner == expression) {
        continue;
      }
      if (inner instanceof StringLiteralExpr || inner instanceof BinaryExpr || inner instanceof NameExpr) {
        String candidate = file.strings.text(inner);
        if (candidate != null && URL_LIKE.matcher(candidate).find()) {
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * The constants of other classes a database call's SQL is made of when its text is not in this file: {@code
   * jdbc.update(OrderQueries.INSERT_ORDER, code)}, what a static builder returns ({@code
   * em.createNativeQuery(QueryGeneratorUtil.courseQueryGenerator(a, b))}), or such constants joined with literals and
   * this file's constants ({@code OrderQueries.BASE + " where id = ?"}). Only in the call's first argument, on a call
   * that is no chain (a chain's other links take values: hostile review 40's k24) and runs one statement (k6: a
   * batchUpdate of several); each constant's class as the symbol solver finds it, so a variable, or a member class
   * inherited, named like another class is what the name means (k7), and a statically imported name is the constant
   * Java takes, an own or inherited field first (k1, k2, k8). Empty for anything else: the SQL stays unknown.
   */
  java.util.Optional<MethodFact.SqlConstant> sqlConstantOf(MethodCallExpr call, List<MethodCallExpr> links,
      SourceRange site, boolean jpaQuery) {
    // an EntityManager's query chain (em.createNativeQuery(..).setParameter(..).getResultList()) binds values only
    boolean oneStatement = links.size() == 1 || jpaQuery && links.get(0) == call;
    if (!oneStatement || call.getArguments().isEmpty()
        || call.getNameAsString().equals("batchUpdate") && call.getArguments().size() > 1) {
      return java.util.Optional.empty();
    }
    return file.strings.composed(call.getArgument(0), file.resolver::declaringType)
        .map(text -> new MethodFact.SqlConstant(site, text));
  }

  String sqlOf(MethodCallExpr call, List<MethodCallExpr> links) {
    if (call.getArguments().size() > 1 && call.getNameAsString().equals("batchUpdate")) {
      String batch = batchOf(call.getArguments());
      if (batch != null) {
        return batch;
      }
    }
    List<Expression> candidates = new ArrayList<>();
    for (MethodCallExpr link : links) {
      if (link.getArguments().isNonEmpty()) {
        candidates.add(link.getArgument(0));
      }
    }
    call.getScope().ifPresent(candidates::add);
    for (Expression expression : m.locals.traced(candidates)) {
      String direct = file.strings.text(expression);
      if (SqlStatements.looksLikeSql(direct)) {
        return direct.strip().replaceAll("\\s+", " ");
      }
      noteSqlParameter(expression);
      for (MethodCallExpr inner : Subtrees.all(expression, MethodCallExpr.class)) {
        if ((inner.getNameAsString().startsWith("prepare") || inner.getNameAsString().equals("sql"))
            && inner.getArguments().isNonEmpty()) {
          String sql = file.strings.text(inner.getArgument(0));
          if (sql != null) {
            return sql.strip().replaceAll("\\s+", " ");
          }
          noteSqlParameter(inner.getArgument(0));
        }
      }
    }
    return null;
  }

  /**
   * SQL that is one of the method's parameters, never reassigned: the method is a query wrapper.
   * A second parameter also run as SQL makes it none (-2): one call site would be two statements.
   */
  private void noteSqlParameter(Expression sql) {
    if (m.sqlParameter == -2 || !(sql instanceof NameExpr name) || m.locals.initializers.containsKey(name.getNameAsString())) {
      return;
    }
    int i = stringParameter(name, m);
    if (i >= 0) {
      m.sqlParameter = reassigned(name, m) || m.sqlParameter >= 0 && m.sqlParameter != i ? -2 : i;
    }
  }

  /** {@code batchUpdate(sql1, sql2, ...)}: every statement of the batch, so its footprint names all their tables. */
  private String batchOf(List<Expression> arguments) {
    List<String> statements = new ArrayList<>();
    for (Expression argument : arguments) {
      String text = file.strings.text(argument);
      if (!SqlStatements.looksLikeSql(text)) {
        return null;
      }
      statements.add(text.strip().replaceAll("\\s+", " "));
    }
    return String.join("; ", statements);
  }
}
