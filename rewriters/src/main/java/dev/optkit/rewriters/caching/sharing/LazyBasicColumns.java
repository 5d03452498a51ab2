package dev.optkit.rewriters.caching.sharing;

/** Basic columns an entity fetches lazily, which its getters load under bytecode enhancement. */
final class LazyBasicColumns {
  private LazyBasicColumns() {}

  /**
   * Whether the entity, or a class it extends, declares a basic column fetched lazily ({@code @Basic(fetch = LAZY)}):
   * with bytecode enhancement its getter loads it, so on a cached, detached entity it throws
   * LazyInitializationException (hostile review 92's c12). True when a source cannot be read again.
   */
  static boolean declaredBy(dev.optkit.analyzers.index.ProjectIndex index,
      dev.optkit.rewriters.caching.WholeProject whole, String entityType) {
    for (String type : index.supertypesOf(entityType)) {
      if (index.type(type).isEmpty()) {
        continue;
      }
      var unit = whole.unitOfType(type);
      if (unit.isEmpty()) {
        return true;
      }
      boolean lazy = unit.get().findAll(com.github.javaparser.ast.body.FieldDeclaration.class).stream()
          .flatMap(field -> field.getAnnotations().stream())
          .anyMatch(annotation -> (annotation.getNameAsString().endsWith("Basic")
              || annotation.getNameAsString().endsWith("LazyGroup")) && annotation.toString().contains("LAZY")
              || annotation.getNameAsString().endsWith("LazyGroup"));
      if (lazy) {
        return true;
      }
    }
    return false;
  }
}
