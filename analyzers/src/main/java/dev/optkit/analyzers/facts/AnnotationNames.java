package dev.optkit.analyzers.facts;

/**
 * How an annotation as written in a file ({@code Cacheable}, {@code org.x.Cacheable}) answers a
 * question by qualified or simple name. Without allocating: migrate's planner and the index ask it
 * of every method of the project, several times over.
 */
public final class AnnotationNames {
  private AnnotationNames() {}

  /**
   * Whether {@code annotation} is {@code qualifiedOrSimple}, or has its simple name (alone, or
   * after a package: the file's imports may name it either way).
   */
  public static boolean matches(String annotation, String qualifiedOrSimple) {
    if (annotation.equals(qualifiedOrSimple)) {
      return true;
    }
    int simpleStart = qualifiedOrSimple.lastIndexOf('.') + 1;
    int simpleLength = qualifiedOrSimple.length() - simpleStart;
    int at = annotation.length() - simpleLength;
    return at >= 0 && annotation.regionMatches(at, qualifiedOrSimple, simpleStart, simpleLength)
        && (at == 0 || annotation.charAt(at - 1) == '.');
  }
}
