package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.sites.SqlStatements;
import dev.optkit.analyzers.facts.types.ReceiverResolver;
import dev.optkit.analyzers.facts.types.TypeNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an I/O site reads or writes: by its SQL, the client's method, the HTTP verb, the
 * criteria object a JPA query is built from, the rest of a fluent chain, or the method's name.
 */
public final class SiteAccess {
  /** The operations a key-value handle ({@code redis.opsForValue()}) reads with, and writes with. */
  private static final Set<String> HANDLE_READS = Set.of("get", "multiGet", "entries", "keys", "values", "members",
      "isMember", "range", "size", "hasKey", "score", "rank", "randomMember");
  private static final Set<String> HANDLE_WRITES = Set.of("set", "setIfAbsent", "put", "putAll", "putIfAbsent",
      "increment", "decrement", "delete", "add", "remove", "leftPush", "rightPush", "leftPop", "rightPop", "append",
      "getAndSet", "expire");

  /** Criteria types by simple name, JPA's ({@code jakarta.persistence.criteria}) and Hibernate's (Jpa...). */
  private static final Map<String, Access> CRITERIA_TYPES = Map.of("CriteriaQuery", Access.READ,
      "CriteriaUpdate", Access.WRITE, "CriteriaDelete", Access.WRITE, "JpaCriteriaQuery", Access.READ,
      "JpaCriteriaUpdate", Access.WRITE, "JpaCriteriaDelete", Access.WRITE);
  private static final Set<String> CRITERIA_PACKAGES = Set.of("jakarta.persistence.criteria",
      "javax.persistence.criteria", "org.hibernate.query.criteria");
  /** CriteriaQuery's own builder methods, which return it: {@code cq.select(root).where(...)}. */
  private static final Set<String> CRITERIA_QUERY_METHODS = Set.of("select", "multiselect", "distinct", "orderBy",
      "groupBy", "having");

  private final MethodScan m;
  private final FileScan file;
  private final ReceiverResolver resolver;

  SiteAccess(MethodScan m) {
    this.m = m;
    this.file = m.file;
    this.resolver = m.file.resolver;
  }

  /**
   * What the query a criteria object builds does: READ for a {@code CriteriaQuery}, WRITE for a
   * {@code CriteriaUpdate} or {@code CriteriaDelete}, UNKNOWN for anything else (a JPQL string optkit could not
   * read). The symbol solver's type first; else the declared type of the variable, parameter or field and the
   * file's imports; else the builder call that made it ({@code cb.createCriteriaDelete(Order.class)}).
   */
  Access criteriaAccess(Expression argument, int depth) {
    if (depth > 4) {
      return Access.UNKNOWN;
    }
    if (argument instanceof EnclosedExpr enclosed) {
      return criteriaAccess(enclosed.getInner(), depth + 1);
    }
    if (argument instanceof StringLiteralExpr || argument instanceof BinaryExpr || argument instanceof TextBlockLiteralExpr) {
      return Access.UNKNOWN; // JPQL
    }
    Optional<List<String>> resolved = resolver.typeAndAncestors(argument);
    if (resolved.isPresent()) {
      for (String type : resolved.get()) {
        Access byType = criteriaType(type);
        if (byType != Access.UNKNOWN) {
          return byType;
        }
      }
      if (!resolved.get().isEmpty()) {
        return Access.UNKNOWN; // a String, a type of its own
      }
    }
    if (argument instanceof CastExpr cast) {
      return criteriaType(file.names.qualify(cast.getType()).name());
    }
    if (argument instanceof NameExpr variable) {
      String name = variable.getNameAsString();
      String declared = m.locals.types.containsKey(name) ? m.locals.typeAt(name, variable) : m.locals.fieldType(name);
      Access byType = declared == null ? Access.UNKNOWN : criteriaType(declared);
      if (byType == Access.UNKNOWN && m.locals.initializers.containsKey(name)) {
        return criteriaAccess(m.locals.initializers.get(name), depth + 1); // var query = cb.createCriteriaDelete(..)
      }
      return byType;
    }
    if (argument instanceof MethodCallExpr built) {
      String method = built.getNameAsString();
      if (method.equals("createCriteriaUpdate") || method.equals("createCriteriaDelete")) {
        return Access.WRITE;
      }
      boolean builderQuery = (method.equals("createQuery") || method.equals("createTupleQuery"))
          && built.getArguments().stream().allMatch(ClassExpr.class::isInstance);
      if (builderQuery || CRITERIA_QUERY_METHODS.contains(method)) {
        return Access.READ;
      }
      if (method.equals("set")) {
        return Access.WRITE; // CriteriaUpdate.set(path, value)
      }
      if (method.equals("where") && built.getScope().isPresent()) {
        return criteriaAccess(built.getScope().get(), depth + 1);
      }
    }
    return Access.UNKNOWN;
  }

  /** A criteria type's access, qualified, or as an on-demand import of its package left it unqualified. */
  private Access criteriaType(String qualified) {
    String erased = TypeNames.erase(qualified);
    int dot = erased.lastIndexOf('.');
    Access access = CRITERIA_TYPES.get(erased.substring(dot + 1));
    if (access == null) {
      return Access.UNKNOWN;
    }
    String pkg = dot < 0 ? "" : erased.substring(0, dot);
    boolean imported = CRITERIA_PACKAGES.contains(pkg)
        // import jakarta.persistence.criteria.*: qualified into the file's own package, which declares no such type
        || pkg.equals(file.names.packageName()) && !file.names.isKnown(erased)
            && file.names.importedNames().stream().anyMatch(CRITERIA_PACKAGES::contains);
    return imported ? access : Access.UNKNOWN;
  }

  static Access accessFromChain(List<MethodCallExpr> links, Access fallback) {
    if (links.size() > 1 && links.get(0).getNameAsString().startsWith("opsFor")
        || links.size() > 1 && links.get(0).getNameAsString().startsWith("bound")) {
      String operation = links.get(1).getNameAsString();
      return HANDLE_READS.contains(operation) ? Access.READ : HANDLE_WRITES.contains(operation) ? Access.WRITE : fallback;
    }
    for (MethodCallExpr link : links) {
      String name = link.getNameAsString();
      if (name.equals("executeUpdate") || name.equals("update") && link != links.get(0)) {
        return Access.WRITE;
      }
      if (name.startsWith("getResult") || name.startsWith("getSingleResult") || name.equals("list")
          || name.equals("uniqueResult") || name.startsWith("fetch") || name.equals("query") || name.equals("single")
          || name.equals("optional")) {
        return Access.READ;
      }
    }
    return fallback;
  }

  static Access accessOf(ClientSignature client, String method, String sql, String httpMethod) {
    // known SQL decides over the API method: queryForObject("select nextval(...)") changes state
    Access bySql = sql == null ? Access.UNKNOWN : SqlStatements.access(sql);
    Boolean reads = client.readsByMethod(method);
    if (bySql == Access.READ && Boolean.FALSE.equals(reads)) {
      // rs.updateRow() on the rows a SELECT loaded: the call writes them (hostile review 38's i15, i16)
      return Access.WRITE;
    }
    if (bySql != Access.UNKNOWN) {
      return bySql;
    }
    if (reads != null) {
      return reads ? Access.READ : Access.WRITE;
    }
    if (sql != null) {
      return bySql;
    }
    if (httpMethod != null) {
      return switch (httpMethod) {
        case "GET", "HEAD", "OPTIONS" -> Access.READ;
        case "POST", "PUT", "PATCH", "DELETE" -> Access.WRITE;
        default -> Access.UNKNOWN;
      };
    }
    if (client.llm()) {
      return Access.READ;
    }
    if (client.statement()) {
      return Access.UNKNOWN; // getSingleResult() runs whatever its query says: a native write, a sequence, a procedure
    }
    // SDK clients name their operations (getObject, putItem); HTTP clients do not (send, execute)
    return client.kind() == ClientKind.DB || client.anyMethod() ? methodNameAccess(method) : Access.UNKNOWN;
  }

  /** Read/write from a method's name, for SDK and repository calls that carry no SQL or verb. */
  public static Access methodNameAccess(String method) {
    String name = method.toLowerCase(Locale.ROOT);
    for (String prefix : List.of("get", "find", "read", "query", "search", "list", "fetch", "load", "count", "exists",
        "describe", "head", "select", "stream", "retrieve", "lookup", "batchget", "scan")) {
      if (name.startsWith(prefix)) {
        return Access.READ;
      }
    }
    for (String prefix : List.of("save", "delete", "remove", "insert", "update", "put", "post", "create", "send",
        "publish", "write", "upload", "persist", "merge", "patch", "set", "add", "copy", "invoke", "start", "stop", "terminate")) {
      if (name.startsWith(prefix)) {
        return Access.WRITE;
      }
    }
    return Access.UNKNOWN;
  }
}
