package dev.optkit.rewriters.caching;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the project's own servlet filters do around the chain: a filter in a transaction ({@code @Transactional} on
 * it, or a transaction or EntityManager it opens) binds an EntityManager the view's interceptor then joins, and a
 * filter handing its {@code FilterChain} to other code (a lambda, a service's method) may run the chain inside one
 * (hostile review 48's H3). A filter's only use of its chain must be {@code chain.doFilter(request, response);}.
 */
public final class FilterCode {
  /** Servlet filters: what runs before the DispatcherServlet on a request's own pass. */
  static final Set<String> FILTER_TYPES = Set.of("javax.servlet.Filter", "jakarta.servlet.Filter",
      "javax.servlet.http.HttpFilter", "jakarta.servlet.http.HttpFilter",
      "org.springframework.web.filter.OncePerRequestFilter", "org.springframework.web.filter.GenericFilterBean",
      "org.springframework.security.web.authentication.www.BasicAuthenticationFilter",
      "org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter",
      "org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter",
      "org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter",
      "org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter");
  /** Supertypes a filter may have besides filters that run nothing in a request: Spring's bean callbacks. */
  static final Set<String> BEAN_CALLBACKS = Set.of("java.lang.Object", "java.io.Serializable",
      "org.springframework.core.Ordered", "org.springframework.core.PriorityOrdered",
      "org.springframework.beans.factory.InitializingBean", "org.springframework.beans.factory.DisposableBean",
      "org.springframework.beans.factory.BeanNameAware", "org.springframework.beans.factory.Aware",
      "org.springframework.context.EnvironmentAware", "org.springframework.core.env.EnvironmentCapable",
      "org.springframework.web.context.ServletContextAware", "org.springframework.context.ApplicationContextAware",
      "org.springframework.context.MessageSourceAware", "org.springframework.context.ApplicationEventPublisherAware",
      "org.springframework.beans.factory.BeanFactoryAware");
  /** Names by which a filter's code opens a transaction or a persistence context of its own. */
  private static final List<String> OPENING = List.of("TransactionTemplate", "TransactionManager",
      "createEntityManager", "openSession", "getCurrentSession", "TransactionSynchronization");

  private final WholeProject whole;
  private final ProjectIndex index;

  FilterCode(WholeProject whole) {
    this.whole = whole;
    this.index = whole.index();
  }

  /** Whether the type is a servlet filter and nothing else that runs in a request (an interceptor besides). */
  public static boolean onlyAFilter(ProjectIndex index, String type) {
    List<String> supertypes = index.supertypesOf(type);
    return supertypes.stream().anyMatch(FILTER_TYPES::contains) && supertypes.stream().allMatch(supertype ->
        FILTER_TYPES.contains(supertype) || BEAN_CALLBACKS.contains(supertype) || index.type(supertype).isPresent());
  }

  /** The first filter of the project, by name, that holds a transaction or hands its chain on, and how. */
  Optional<String> whyInside() {
    List<TypeFact> filters = new ArrayList<>();
    for (FileFacts file : index.files()) {
      if (!SourceSet.isTestPath(file.path())) {
        file.types().stream().filter(type -> index.supertypesOf(type.qualifiedName()).stream().anyMatch(FILTER_TYPES::contains))
            .forEach(filters::add);
      }
    }
    filters.sort(Comparator.comparing(TypeFact::qualifiedName));
    for (TypeFact filter : filters) {
      Optional<String> why = whyInside(filter);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private Optional<String> whyInside(TypeFact filter) {
    String name = ProjectTraits.simpleName(filter.qualifiedName());
    List<String> own = new ArrayList<>(List.of(filter.qualifiedName()));
    index.supertypesOf(filter.qualifiedName()).stream().filter(t -> index.type(t).isPresent()).forEach(own::add);
    for (String type : own) {
      boolean transactional = index.type(type).map(t -> transactional(t.annotations(), 0)).orElse(false)
          || index.methodsOfType(type).stream().anyMatch(m -> transactional(m.fact().annotations(), 0));
      if (transactional) {
        return Optional.of("the filter " + name + " runs in a transaction (@Transactional), whose EntityManager "
            + "open-in-view then joins");
      }
    }
    for (IndexedMethod method : own.stream().flatMap(type -> index.methodsOfType(type).stream())
        .sorted(Comparator.comparing((IndexedMethod m) -> m.path()).thenComparingInt(m -> m.fact().range().line()))
        .toList()) {
      Optional<CallableDeclaration<?>> declared = whole.declaration(method);
      if (declared.isEmpty()) {
        return Optional.of("the filter " + name + "'s " + method.fact().name() + "() could not be read");
      }
      List<String> names = declared.get().findAll(com.github.javaparser.ast.expr.SimpleName.class).stream()
          .map(com.github.javaparser.ast.expr.SimpleName::asString).toList(); // code, not its comments
      for (String opening : OPENING) {
        if (names.stream().anyMatch(n -> n.contains(opening))) {
          return Optional.of("the filter " + name + " names " + opening + ", which may bind an EntityManager "
              + "open-in-view then joins");
        }
      }
      for (Parameter parameter : declared.get().getParameters()) {
        if (parameter.getType().asString().endsWith("FilterChain") && !onlyRunsTheChain(declared.get(),
            parameter.getNameAsString())) {
          return Optional.of("the filter " + name + " hands its FilterChain to other code, which may run the "
              + "request inside a transaction open-in-view joins");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether these annotations say {@code @Transactional}, themselves or through an annotation of the project
   * meta-annotated with it ({@code @ReadOnlyRequest}: hostile review 49's F1), which Spring follows.
   */
  private boolean transactional(List<String> annotations, int depth) {
    for (String annotation : annotations) {
      String simple = ProjectTraits.simpleName(annotation);
      if (simple.equals("Transactional")) {
        return true;
      }
      if (depth < 4) {
        List<TypeFact> declared = index.type(annotation).map(List::of).orElseGet(() -> index.types().stream()
            .filter(t -> ProjectTraits.simpleName(t.qualifiedName()).equals(simple)).toList());
        if (declared.stream().anyMatch(t -> transactional(t.annotations(), depth + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether every use of the chain is a statement {@code chain.doFilter(..);} of the method itself. */
  private static boolean onlyRunsTheChain(CallableDeclaration<?> method, String chain) {
    for (NameExpr use : method.findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(chain)) {
        continue;
      }
      if (!(use.getParentNode().orElse(null) instanceof MethodCallExpr call) || call.getScope().orElse(null) != use
          || !call.getNameAsString().equals("doFilter") || !(call.getParentNode().orElse(null) instanceof ExpressionStmt)
          || insideCode(call, method)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the node is in a lambda or an anonymous class of the method: code that runs when another calls it. */
  private static boolean insideCode(Node node, CallableDeclaration<?> method) {
    for (Node at = node.getParentNode().orElse(null); at != null && at != method; at = at.getParentNode().orElse(null)) {
      if (at instanceof LambdaExpr || at instanceof ObjectCreationExpr) {
        return true;
      }
    }
    return false;
  }
}
