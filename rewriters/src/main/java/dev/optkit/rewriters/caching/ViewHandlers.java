package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Handlers and advice that may render a view by name: Spring's default view resolver renders such a name by a
 * forward inside the DispatcherServlet, which runs the servlet filters again. A handler writes its answer as the
 * response's body instead when its class is a {@code @RestController} or {@code @RestControllerAdvice} or says
 * {@code @ResponseBody}, or the method says it, or it returns a body type ({@code ResponseEntity}, an emitter).
 * Counted: every method with a mapping or {@code @ExceptionHandler} (a bean with a type-level
 * {@code @RequestMapping} is a handler on Spring 5, advice renders views too: hostile review 48's H1, H2), and every
 * public method of a {@code @Controller} or {@code @ControllerAdvice} class, which may implement a mapped interface.
 */
final class ViewHandlers {
  private static final Set<String> HANDLER_CLASSES = Set.of("org.springframework.stereotype.Controller",
      "org.springframework.web.bind.annotation.ControllerAdvice",
      "org.springframework.web.bind.annotation.RequestMapping");
  private static final Set<String> BODY_CLASSES = Set.of("org.springframework.web.bind.annotation.RestController",
      "org.springframework.web.bind.annotation.RestControllerAdvice",
      "org.springframework.web.bind.annotation.ResponseBody");
  private static final Set<String> HANDLING = Set.of("RequestMapping", "GetMapping", "PostMapping", "PutMapping",
      "DeleteMapping", "PatchMapping", "ExceptionHandler");
  private static final Set<String> NOT_HANDLING = Set.of("ModelAttribute", "InitBinder", "ResponseBody", "Bean");
  private static final Set<String> BODIES = Set.of("ResponseEntity", "HttpEntity", "HttpHeaders", "ResponseBodyEmitter",
      "SseEmitter", "StreamingResponseBody");

  private final ProjectIndex index;

  ViewHandlers(ProjectIndex index) {
    this.index = index;
  }

  /** The first such handler in the source's order, as {@code Type.method()}; empty when none may render a view. */
  Optional<String> firstByName() {
    return index.files().stream().filter(file -> !SourceSet.isTestPath(file.path()))
        .sorted(Comparator.comparing(FileFacts::path))
        .flatMap(file -> file.types().stream())
        .flatMap(type -> index.methodsOfType(type.qualifiedName()).stream()
            .sorted(Comparator.comparingInt(m -> m.fact().range().line()))
            .filter(method -> rendersByName(type, method)).limit(1))
        .map(method -> method.fact().displayName() + "()").findFirst();
  }

  private boolean rendersByName(TypeFact type, IndexedMethod method) {
    var fact = method.fact();
    if (fact.isStatic() || fact.isConstructor()) {
      return false;
    }
    Set<String> annotations = fact.annotations().stream().map(ProjectTraits::simpleName)
        .collect(java.util.stream.Collectors.toSet());
    String returned = ProjectTraits.simpleName(TypeNames.raw(fact.returnType()));
    boolean mapped = annotations.stream().anyMatch(HANDLING::contains);
    if (mapped && VIEWS.contains(returned)) {
      return true; // a Model, View or ModelAndView renders a view even in a @RestController (hostile review 49's F5)
    }
    boolean handling = mapped || HANDLER_CLASSES.stream().anyMatch(type::hasAnnotation) && fact.modifiers().isPublic()
        && annotations.stream().noneMatch(NOT_HANDLING::contains);
    if (!handling || annotations.contains("ResponseBody") || BODIES.contains(returned) || writesItsOwnResponse(fact)) {
      return false;
    }
    if (fact.isAbstract()) {
      // a mapped interface's method is its implementations' handler (hostile review 49's F4), unless each one
      // writes bodies; with none in the project (a Feign client's interface) it handles nothing here
      return index.subtypesOf(type.qualifiedName()).stream().map(index::type).flatMap(Optional::stream)
          .anyMatch(implementation -> implementation.kind().equals("class")
              && BODY_CLASSES.stream().noneMatch(implementation::hasAnnotation));
    }
    return BODY_CLASSES.stream().noneMatch(type::hasAnnotation);
  }

  /** What a handler returns that Spring renders as a view, whatever the class says of bodies. */
  private static final Set<String> VIEWS = Set.of("ModelAndView", "Model", "ModelMap", "ExtendedModelMap", "View",
      "RedirectView", "AbstractView", "InternalResourceView");
  private static final Set<String> RESPONSE_WRITERS = Set.of("HttpServletResponse", "ServletResponse", "OutputStream",
      "Writer", "PrintWriter");

  /** {@code void ping(HttpServletResponse response)}: the handler writes the response itself; no view is rendered. */
  private static boolean writesItsOwnResponse(dev.optkit.analyzers.facts.MethodFact fact) {
    return "void".equals(fact.returnType()) && fact.params().stream()
        .anyMatch(param -> RESPONSE_WRITERS.contains(ProjectTraits.simpleName(TypeNames.raw(param.qualifiedType()))));
  }

}
