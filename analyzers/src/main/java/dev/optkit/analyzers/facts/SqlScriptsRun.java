package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * The SQL script files Spring's {@code @Sql} (or {@code @SqlGroup}) on a test method or class names, as Spring reads
 * the paths: from the classpath's root (a leading slash, {@code classpath:}), or from the package of the test class
 * that runs (a plain path), which for a test inherited or a class-level annotation on a superclass is the subclass's;
 * and the default script of an annotation naming none, named after that class (and the method, on a method).
 *
 * @param fromRoot paths from the classpath's root, sorted, each once
 * @param fromPackage paths from the running test class's package, sorted, each once
 * @param defaultScript whether an annotation names no script nor statement: the default script runs
 * @param unread whether a script is named in a way optkit does not follow: an expression it cannot read, a
 *     placeholder, a {@code file:} or URL location, a path leaving its folder
 */
public record SqlScriptsRun(List<String> fromRoot, List<String> fromPackage, boolean defaultScript, boolean unread) {
  public SqlScriptsRun {
    fromRoot = fromRoot == null ? List.of() : List.copyOf(new java.util.TreeSet<>(fromRoot));
    fromPackage = fromPackage == null ? List.of() : List.copyOf(new java.util.TreeSet<>(fromPackage));
  }
}
