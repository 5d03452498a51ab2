package dev.optkit.rewriters.caching.rewrite;

import java.util.ArrayList;
import java.util.List;

/**
 * The key of a plain Java cache whose method takes several parameters: a small record (Java 16 on),
 * else a value class with equals and hashCode, declared beside the cache field.
 */
final class PlainCacheKeys {
  private PlainCacheKeys() {}

  /**
   * The class a Redis cache checks its entries against, as written for a class literal: the return type erased
   * ({@code List<String>}: {@code List}), boxed, or an Optional's content.
   */
  static String valueClass(com.github.javaparser.ast.type.Type returnType, boolean optionalReturn) {
    com.github.javaparser.ast.type.Type type = returnType;
    if (optionalReturn && type.isClassOrInterfaceType()) {
      type = type.asClassOrInterfaceType().getTypeArguments().filter(a -> a.size() == 1).map(a -> a.get(0))
          .orElse(type);
    }
    if (type.isPrimitiveType()) {
      return type.asPrimitiveType().toBoxedType().getNameAsString();
    }
    if (type.isArrayType()) {
      com.github.javaparser.ast.type.Type element = type.getElementType();
      return (element.isClassOrInterfaceType() ? element.asClassOrInterfaceType().getNameWithScope() : element.asString())
          + "[]".repeat(type.getArrayLevel());
    }
    if (type.isClassOrInterfaceType()) {
      return type.asClassOrInterfaceType().getNameWithScope();
    }
    return "Object";
  }

  /**
   * @param components each parameter as declared, {@code "String currency"}
   * @param records the module compiles for Java 16 or later
   */
  static String declaration(String keyType, String methodName, List<String> components, boolean records, String indent,
      String unit1, String nl) {
    List<String> names = components.stream().map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
    if (records) {
      return indent + "/** Added by optkit migrate: the cache key of " + methodName + "(). */" + nl
          + indent + "private record " + keyType + "(" + String.join(", ", components) + ") {}" + nl;
    }
    StringBuilder text = new StringBuilder();
    text.append(indent).append("/** Added by optkit migrate: the cache key, a value with equals and hashCode. */").append(nl)
        .append(indent).append("private static final class ").append(keyType).append(" {").append(nl);
    for (String component : components) {
      text.append(indent).append(unit1).append("private final ").append(component).append(';').append(nl);
    }
    text.append(nl).append(indent).append(unit1).append(keyType).append('(').append(String.join(", ", components))
        .append(") {").append(nl);
    for (String name : names) {
      text.append(indent).append(unit1).append(unit1).append("this.").append(name).append(" = ").append(name).append(';')
          .append(nl);
    }
    text.append(indent).append(unit1).append('}').append(nl).append(nl)
        .append(indent).append(unit1).append("@Override").append(nl)
        .append(indent).append(unit1).append("public boolean equals(Object other) {").append(nl)
        .append(indent).append(unit1).append(unit1).append("if (!(other instanceof ").append(keyType).append(")) {").append(nl)
        .append(indent).append(unit1).append(unit1).append(unit1).append("return false;").append(nl)
        .append(indent).append(unit1).append(unit1).append('}').append(nl)
        .append(indent).append(unit1).append(unit1).append(keyType).append(" that = (").append(keyType).append(") other;").append(nl);
    List<String> comparisons = new ArrayList<>();
    for (String name : names) {
      comparisons.add("java.util.Objects.equals(" + name + ", that." + name + ")");
    }
    text.append(indent).append(unit1).append(unit1).append("return ").append(String.join(" && ", comparisons)).append(';').append(nl)
        .append(indent).append(unit1).append('}').append(nl).append(nl)
        .append(indent).append(unit1).append("@Override").append(nl)
        .append(indent).append(unit1).append("public int hashCode() {").append(nl)
        .append(indent).append(unit1).append(unit1).append("return java.util.Objects.hash(").append(String.join(", ", names))
        .append(");").append(nl)
        .append(indent).append(unit1).append('}').append(nl)
        .append(indent).append('}').append(nl);
    return text.toString();
  }
}
