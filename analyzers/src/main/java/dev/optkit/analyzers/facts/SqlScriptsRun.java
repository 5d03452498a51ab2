package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * The SQL script files Spring's {@code @Sql} (or {@code @SqlGroup}) on a test method or class runs, as classpath paths
 * ({@code com/shop/orders.sql}): a relative one resolved against the test class's package, an absolute one or a
 * {@code classpath:} one from the root, and the default script of an annotation naming none ({@code
 * com/shop/OrderTest.sql} on the class, {@code com/shop/OrderTest.place.sql} on a method).
 *
 * @param scripts the paths, sorted, each once
 * @param unread whether a script is named in a way optkit does not follow: an expression it cannot read, a
 *     placeholder, a {@code file:} or URL location, a path leaving its folder
 */
public record SqlScriptsRun(List<String> scripts, boolean unread) {
  public SqlScriptsRun {
    scripts = scripts == null ? List.of() : List.copyOf(new java.util.TreeSet<>(scripts));
  }
}
