package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.Publishers;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which methods the framework calls per request or event, and which return web responses. Caching
 * one would replay a response (status, headers, a 404) or skip the work an event asks for: optkit
 * caches what handlers call, never handlers. A method is a handler when it carries a mapping or
 * listener annotation, when it overrides an interface method that does (controllers implementing
 * generated OpenAPI interfaces), or when it is a public method of a controller class, controller
 * meaning annotated, directly or through a project meta-annotation, with a controller annotation.
 */
public final class WebEntryPoints {
  /** Simple names: an on-demand import can leave an annotation unqualified. */
  private static final Set<String> MAPPINGS = Set.of(
      "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping", "RequestMapping",
      "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "QueryMapping", "MutationMapping",
      "SchemaMapping", "SubscriptionMapping", "BatchMapping", "DgsQuery", "DgsMutation", "DgsData",
      "MessageMapping", "SubscribeMapping", "GetExchange", "PostExchange", "PutExchange", "DeleteExchange",
      "PatchExchange", "HttpExchange");
  private static final Set<String> LISTENERS = Set.of(
      "Scheduled", "EventListener", "TransactionalEventListener", "KafkaListener", "RabbitListener", "JmsListener",
      "SqsListener", "ModelAttribute", "InitBinder", "ExceptionHandler", "StreamListener", "Incoming");
  private static final Set<String> CONTROLLERS = Set.of(
      "org.springframework.stereotype.Controller", "org.springframework.web.bind.annotation.RestController",
      "org.springframework.web.bind.annotation.ControllerAdvice",
      "org.springframework.web.bind.annotation.RestControllerAdvice", "jakarta.ws.rs.Path", "javax.ws.rs.Path",
      "jakarta.servlet.annotation.WebServlet", "javax.servlet.annotation.WebServlet");
  /** Qualified web response types, and prefixes ending in a dot for whole packages. */
  private static final List<String> WEB_RESULTS = List.of(
      "org.springframework.http.ResponseEntity", "org.springframework.http.HttpEntity",
      "org.springframework.web.servlet.ModelAndView", "org.springframework.web.servlet.View",
      "org.springframework.web.context.request.async.DeferredResult",
      "org.springframework.web.servlet.mvc.method.annotation.", "org.springframework.web.reactive.function.server.",
      "jakarta.servlet.", "javax.servlet.", "jakarta.ws.rs.core.Response", "javax.ws.rs.core.Response");
  /** Unmistakable simple names for return types the solver left unqualified. */
  private static final Set<String> WEB_RESULT_SIMPLE_NAMES = Set.of(
      "ResponseEntity", "HttpEntity", "ModelAndView", "DeferredResult", "SseEmitter", "ResponseBodyEmitter",
      "StreamingResponseBody", "ServerResponse", "HttpServletResponse");

  private final ProjectIndex index;

  public WebEntryPoints(ProjectIndex index) {
    this.index = index;
  }

  /** Why the method is a request handler or listener, or empty when it is neither. */
  public Optional<String> whyEntryPoint(IndexedMethod method) {
    MethodFact fact = method.fact();
    Optional<String> own = entryAnnotation(fact);
    if (own.isPresent()) {
      return Optional.of("a request handler or listener (@" + own.get() + "): cache the service it calls instead");
    }
    for (String ancestor : index.supertypesOf(fact.ownerType())) {
      if (ancestor.equals(fact.ownerType())) {
        continue;
      }
      for (IndexedMethod declared : index.methods(ancestor, fact.name())) {
        Optional<String> mapping = entryAnnotation(declared.fact());
        if (mapping.isPresent() && declared.fact().params().size() == fact.params().size()) {
          return Optional.of("implements the request mapping " + declared.fact().displayName() + " (@" + mapping.get()
              + ", " + declared.path() + "): a request handler; cache the service it calls instead");
        }
      }
    }
    if (fact.modifiers().isPublic() && !fact.isStatic()) {
      for (String ancestor : index.supertypesOf(fact.ownerType())) {
        Optional<String> controller = index.type(ancestor).flatMap(t -> controllerAnnotation(t, new HashSet<>()));
        if (controller.isPresent()) {
          return Optional.of("a public method of the web controller " + TypeNames.simple(ancestor) + " (@" + controller.get()
              + "): a request handler; cache the service it calls instead");
        }
      }
    }
    return Optional.empty();
  }

  /** Listeners no request waits on: a schedule, or an event the application publishes itself. */
  private static final Set<String> NOT_REQUESTS = Set.of("Scheduled", "EventListener", "TransactionalEventListener");

  /**
   * Whether the method serves requests from outside the application: a web mapping, a controller's public method, a
   * message listener; not a scheduled job or a listener of the application's own events.
   */
  public boolean servesRequests(IndexedMethod method) {
    Optional<String> own = entryAnnotation(method.fact());
    return own.isPresent() ? !NOT_REQUESTS.contains(own.get()) : whyEntryPoint(method).isPresent();
  }

  /**
   * Why the method's result is a reactive publisher a cache would keep instead of its value, or empty: a {@code Mono}
   * runs its pipeline again for every subscriber, so a cached one caches no answer (Spring caches what a publisher
   * emits only from 6.1 on, through an asynchronous cache manager, which optkit does not write).
   */
  public static Optional<String> whyPublisher(MethodFact fact) {
    String type = fact.returnType();
    return Publishers.is(type) ? Optional.of("returns a reactive publisher (" + TypeNames.simple(type) + "), a pipeline that runs "
        + "again for every subscriber: a cache would keep the pipeline, not its answer") : Optional.empty();
  }

  /** Why the method's result is a web response that must not be cached, or empty. */
  public static Optional<String> whyWebResult(MethodFact fact) {
    String type = fact.returnType();
    boolean web = WEB_RESULTS.stream().anyMatch(w -> w.endsWith(".") ? type.startsWith(w) : type.equals(w))
        || WEB_RESULT_SIMPLE_NAMES.contains(TypeNames.simple(type));
    return web ? Optional.of("returns a web response type (" + TypeNames.simple(type) + "): status, headers and body belong to "
        + "one request; cache the data it is built from instead") : Optional.empty();
  }

  private static final Set<String> WRITE_MAPPINGS = Set.of(
      "PostMapping", "PutMapping", "PatchMapping", "DeleteMapping", "POST", "PUT", "PATCH", "DELETE",
      "PostExchange", "PutExchange", "PatchExchange", "DeleteExchange");

  /**
   * The resource path a handler serves writes on ({@code /owners/{ownerId}} from the class's
   * {@code @RequestMapping("/owners")} and the method's {@code @PutMapping("/{ownerId}")}), or empty
   * when it is no write handler. A bare {@code @RequestMapping} on a method takes every verb, so it
   * counts as a writer too.
   */
  public Optional<String> writtenResource(IndexedMethod method) {
    MethodFact fact = method.fact();
    String verb = null;
    for (String annotation : fact.annotations()) {
      String simple = TypeNames.simple(annotation);
      if (WRITE_MAPPINGS.contains(simple) || simple.equals("RequestMapping")) {
        verb = simple;
      }
    }
    if (verb == null) {
      return Optional.empty();
    }
    String own = fact.annotationValue(verb);
    if (own == null) {
      own = fact.annotationValue("Path"); // JAX-RS: the verb and the path are separate annotations
    }
    String base = index.type(fact.ownerType()).map(t -> firstNonNull(t.annotationValue("RequestMapping", "value"),
        t.annotationValue("RequestMapping", "path"), t.annotationValue("Path", "value"))).orElse(null);
    String path = join(base == null ? "" : base.split(",")[0], own == null ? "" : own);
    return Optional.of(path.isEmpty() ? "/" : path);
  }

  private static String join(String base, String own) {
    String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String right = own.isEmpty() || own.startsWith("/") ? own : "/" + own;
    String joined = left + right;
    return joined.startsWith("/") || joined.isEmpty() ? joined : "/" + joined;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static final Set<String> BODY_CONTROLLERS = Set.of("RestController", "RestControllerAdvice", "Path");

  /**
   * Whether a request handler's return value is the response body, serialised and dropped after the request: a
   * Spring MVC or JAX-RS mapping of its own, on a {@code @RestController}, under {@code @ResponseBody}, or returning
   * a {@code ResponseEntity}. Such a value is never a model attribute the data binder writes onto.
   */
  public boolean servesBody(IndexedMethod method) {
    MethodFact fact = method.fact();
    // its own mapping, or the one an interface it implements declares (the openapi-generator style)
    boolean mapped = bodyMapping(fact) || index.supertypesOf(fact.ownerType()).stream()
        .filter(ancestor -> !ancestor.equals(fact.ownerType()))
        .flatMap(ancestor -> index.methods(ancestor, fact.name()).stream())
        .anyMatch(declared -> declared.fact().params().size() == fact.params().size() && bodyMapping(declared.fact()));
    if (!mapped) {
      return false;
    }
    Optional<TypeFact> owner = index.type(fact.ownerType());
    // by simple name too: an on-demand import the solver could not follow leaves "shop.RestController"
    boolean bodyClass = owner.map(t -> t.annotations().stream().anyMatch(a -> TypeNames.simple(a).equals("ResponseBody")
            || TypeNames.simple(a).equals("RestController") && index.type(a).isEmpty())
        || controllerAnnotation(t, new HashSet<>())
            .map(c -> BODY_CONTROLLERS.stream().anyMatch(b -> c.equals(b) || c.endsWith(" " + b)))
            .orElse(false)).orElse(false);
    return bodyClass || fact.annotations().stream().map(TypeNames::simple).anyMatch("ResponseBody"::equals)
        || Set.of("ResponseEntity", "HttpEntity").contains(TypeNames.simple(fact.returnType()));
  }

  /** A Spring MVC or JAX-RS request mapping (not GraphQL's, nor a message mapping). */
  private static boolean bodyMapping(MethodFact fact) {
    return fact.annotations().stream().map(TypeNames::simple)
        .anyMatch(a -> a.endsWith("Mapping") && !a.startsWith("Query") && !a.startsWith("Mutation")
            && !a.startsWith("Schema") && !a.startsWith("Subscri") && !a.startsWith("Batch") && !a.startsWith("Message")
            || Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(a));
  }

  /** Whether a method carries a mapping or listener annotation of its own. */
  public static boolean hasEntryAnnotation(MethodFact fact) {
    return entryAnnotation(fact).isPresent();
  }

  private static Optional<String> entryAnnotation(MethodFact fact) {
    for (String annotation : fact.annotations()) {
      String simple = TypeNames.simple(annotation);
      if (MAPPINGS.contains(simple) || LISTENERS.contains(simple)) {
        return Optional.of(simple);
      }
    }
    return Optional.empty();
  }

  /** The controller annotation on a type, itself or through project meta-annotations. */
  private Optional<String> controllerAnnotation(TypeFact type, Set<String> seen) {
    for (String annotation : type.annotations()) {
      if (CONTROLLERS.contains(annotation) || CONTROLLERS.stream().anyMatch(c -> !annotation.contains(".")
          && TypeNames.simple(c).equals(annotation))) {
        return Optional.of(TypeNames.simple(annotation));
      }
      if (seen.add(annotation)) {
        Optional<String> meta = index.type(annotation).flatMap(t -> controllerAnnotation(t, seen));
        if (meta.isPresent()) {
          return Optional.of(TypeNames.simple(annotation) + ", a " + meta.get());
        }
      }
    }
    return Optional.empty();
  }

}
