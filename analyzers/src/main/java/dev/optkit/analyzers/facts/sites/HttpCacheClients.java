package dev.optkit.analyzers.facts.sites;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * HTTP clients a class builds with an HTTP cache of their own: Apache HttpClient's caching client
 * ({@code CachingHttpClients.custom()...}, {@code CachingHttpClientBuilder}, 4.x and 5.x) and
 * OkHttp's {@code new OkHttpClient.Builder().cache(new Cache(dir, size))}. A GET through one is
 * answered from that cache when the response allows it, so caching it again saves little: such
 * calls are reported, but not priced as caching savings.
 */
public final class HttpCacheClients {
  private static final Set<String> CACHING_FACTORIES = Set.of("CachingHttpClients", "CachingHttpClientBuilder",
      "CachingHttpAsyncClients", "CachingHttpAsyncClientBuilder");

  private HttpCacheClients() {}

  /** The fields of a type that hold a caching HTTP client, by name, with the declaration that says so. */
  public static Map<String, VariableDeclarator> cachedFields(TypeDeclaration<?> type) {
    Map<String, VariableDeclarator> found = new LinkedHashMap<>();
    Map<String, VariableDeclarator> declared = new LinkedHashMap<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        declared.put(variable.getNameAsString(), variable);
        if (variable.getInitializer().map(HttpCacheClients::buildsCachingClient).orElse(false)) {
          found.put(variable.getNameAsString(), variable);
        }
      }
    }
    // this.client = new OkHttpClient.Builder().cache(cache).build() in a constructor
    for (ConstructorDeclaration constructor : type.getConstructors()) {
      for (AssignExpr assign : Subtrees.all(constructor, AssignExpr.class)) {
        String name = assign.getTarget() instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
            ? access.getNameAsString() : assign.getTarget() instanceof NameExpr plain ? plain.getNameAsString() : null;
        if (name != null && declared.containsKey(name) && buildsCachingClient(assign.getValue())) {
          found.put(name, declared.get(name));
        }
      }
    }
    return found;
  }

  /** Whether an expression builds a client with an HTTP cache: a caching factory, or an OkHttp builder given a cache. */
  static boolean buildsCachingClient(Expression value) {
    for (MethodCallExpr call : Subtrees.all(value, MethodCallExpr.class)) {
      if (call.getScope().orElse(null) instanceof NameExpr factory && CACHING_FACTORIES.contains(factory.getNameAsString())) {
        return true;
      }
      if (call.getNameAsString().equals("cache") && call.getArguments().size() == 1 && okHttpBuilder(call)) {
        return true;
      }
    }
    return Subtrees.all(value, ObjectCreationExpr.class).stream()
        .anyMatch(creation -> CACHING_FACTORIES.contains(creation.getType().getNameAsString()));
  }

  /** {@code new OkHttpClient.Builder()...cache(c)} or {@code client.newBuilder()...cache(c)}. */
  private static boolean okHttpBuilder(MethodCallExpr cache) {
    Expression at = cache.getScope().orElse(null);
    while (at instanceof MethodCallExpr call) {
      if (call.getNameAsString().equals("newBuilder")) {
        return true;
      }
      at = call.getScope().orElse(null);
    }
    return at instanceof ObjectCreationExpr creation && creation.getType().asString().endsWith("OkHttpClient.Builder");
  }
}
