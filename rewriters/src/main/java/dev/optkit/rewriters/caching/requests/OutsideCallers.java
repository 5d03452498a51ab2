package dev.optkit.rewriters.caching.requests;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;

/**
 * Whether a bean's method is called from outside its object, through its proxy: by another class, or by an
 * annotation's SpEL ({@code @PreAuthorize("@permService.hasAccess(#id)")}).
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
    for (IndexedMethod method : index.callersOf(target)) {
      if (!method.fact().ownerType().equals(target.fact().ownerType()) && method.fact().calls().stream()
          .anyMatch(call -> call.name().equals(target.fact().name()) && index.targetsOf(call).contains(target))) {
        return true;
      }
    }
    return calledFromSpel(target);
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
