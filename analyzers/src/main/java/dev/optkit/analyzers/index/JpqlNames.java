package dev.optkit.analyzers.index;

/** How JPQL writes what a query reads: an entity's name, a class's qualified name, a path through an alias. */
final class JpqlNames {
  private JpqlNames() {}

  /**
   * Whether a name JSqlParser read as a table is a path through an identification variable ({@code JOIN o.items i}:
   * dotted, its last part a field's lower-case name) rather than an entity or a qualified class name ({@code
   * shop.Order}, its last part capitalised as a class's name is).
   */
  static boolean path(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot + 1 < name.length() && !Character.isUpperCase(name.charAt(dot + 1));
  }
}
