package dev.optkit.rewriters.caching.requests;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;

/**
 * Whether a bean's method is called from outside its object, through its proxy: by another class of the application
 * (not a test's), or by an annotation's SpEL ({@code @PreAuthorize("@permService.hasAccess(#id)")}).
 */
public final class OutsideCallers {
  private final ProjectIndex index;
  /** {@code bean.method}, read once from every annotation value; null until asked. */
  private java.util.Set<String> found;

  public OutsideCallers(ProjectIndex index) {
    this.index = index;
  }

  /**
   * A bean's method an annotation's SpEL calls ({@code @PreAuthorize("@permService.hasAccess(#id)")}): Spring resolves
   * the bean from the context, its proxy, so the call comes from outside (trial 42: said "only called through 'this'").
   */
  public boolean any(IndexedMethod target) {
    return callsFromOtherClasses(target, false) || calledFromSpel(target);
  }

  /**
   * Whether only tests call it from outside: its production callers all call through {@code this}, and a cache only a
   * test's call would reach saves no production call (trial 80: a client's read cached for a test's sake, whose
   * use of the answer nothing checked).
   */
  public boolean onlyTests(IndexedMethod target) {
    return !any(target) && callsFromOtherClasses(target, true);
  }

  private boolean callsFromOtherClasses(IndexedMethod target, boolean tests) {
    for (IndexedMethod method : index.callersOf(target)) {
      if (dev.optkit.analyzers.source.SourceSet.isTestPath(method.path()) == tests
          && !method.fact().ownerType().equals(target.fact().ownerType()) && method.fact().calls().stream()
          .anyMatch(call -> call.name().equals(target.fact().name()) && index.targetsOf(call).contains(target))) {
        return true;
      }
    }
    return false;
  }

  private boolean calledFromSpel(IndexedMethod target) {
    if (found == null) {
      java.util.Set<String> names = new java.util.HashSet<>();
      java.util.regex.Pattern call = java.util.regex.Pattern.compile("@([A-Za-z_$][\\w$]*)\\.([A-Za-z_$][\\w$]*)\\s*\\(");
      java.util.function.Consumer<String> read = value -> {
        java.util.regex.Matcher matcher = call.matcher(value.length() > 4096 ? value.substring(0, 4096) : value);
        while (matcher.find()) {
          names.add(matcher.group(1) + "." + matcher.group(2));
        }
      };
      index.methods().forEach(m -> m.fact().annotationValues().values().forEach(read));
      index.types().forEach(t -> t.annotationValues().values().forEach(read));
      found = names;
    }
    return index.type(target.fact().ownerType())
        .map(owner -> found.contains(beanName(owner) + "." + target.fact().name())).orElse(false);
  }

  /** A stereotype's bean name: its value, else the class's simple name decapitalised as Spring does. */
  private static String beanName(TypeFact owner) {
    for (String stereotype : List.of("Service", "Component", "Repository", "Controller", "RestController",
        "ShellComponent")) {
      String value = owner.annotationValue(stereotype, "value");
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    String simple = owner.simpleName();
    return simple.length() > 1 && Character.isUpperCase(simple.charAt(1)) ? simple
        : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }
}
