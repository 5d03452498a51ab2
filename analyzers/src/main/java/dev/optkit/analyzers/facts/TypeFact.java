package dev.optkit.analyzers.facts;

import java.util.List;
import java.util.Map;

/**
 * A type declared in the project.
 *
 * @param superTypes qualified names (best effort) of extended and implemented types
 * @param annotations qualified names (best effort) of the type's annotations
 * @param annotationValues literal values of single-valued annotations, by qualified name
 * @param fieldTypes qualified field types by field name
 */
public record TypeFact(
    String qualifiedName,
    String kind,
    List<String> superTypes,
    List<String> annotations,
    Map<String, String> fieldTypes,
    boolean hasEqualsAndHashCode,
    SourceRange range) {

  public boolean isInterface() {
    return "interface".equals(kind);
  }

  public String simpleName() {
    int dot = qualifiedName.lastIndexOf('.');
    return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
  }
}
