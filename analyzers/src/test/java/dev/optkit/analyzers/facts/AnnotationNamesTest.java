package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The same answers as the string-building comparison it replaced, on every shape of name. */
class AnnotationNamesTest {
  /** What the index and the planner asked before: equal, ends with "." and the simple name, or is the simple name. */
  private static boolean asBefore(String annotation, String qualifiedOrSimple) {
    String simple = qualifiedOrSimple.substring(qualifiedOrSimple.lastIndexOf('.') + 1);
    return annotation.equals(qualifiedOrSimple) || annotation.endsWith("." + simple) || annotation.equals(simple);
  }

  @Test
  void answersAsTheComparisonItReplaced() {
    String[] names = {"Cacheable", "org.springframework.cache.annotation.Cacheable", "x.Cacheable", "MyCacheable",
        "org.x.MyCacheable", "Cacheable.List", "a.Cacheable.List", "List", "", ".", "Cacheable.", "a..Cacheable",
        "javax.persistence.Entity", "jakarta.persistence.Entity", "Entity", "NotEntity", "x.NotEntity"};
    for (String annotation : names) {
      for (String asked : names) {
        assertEquals(asBefore(annotation, asked), AnnotationNames.matches(annotation, asked), annotation + " / " + asked);
      }
    }
  }

  @Test
  void aLongerSimpleNameEndingTheSameIsAnotherAnnotation() {
    assertEquals(false, AnnotationNames.matches("org.x.MyCacheable", "Cacheable"));
    assertEquals(true, AnnotationNames.matches("org.x.Cacheable", "org.springframework.cache.annotation.Cacheable"));
    assertEquals(true, AnnotationNames.matches("Cacheable", "org.springframework.cache.annotation.Cacheable"));
  }
}
