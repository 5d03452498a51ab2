package dev.optkit.analyzers.facts;

import java.util.List;

/** Everything extracted from one source file; the file's tree can be dropped once this exists. */
public record FileFacts(
    String path,
    String packageName,
    int lines,
    List<TypeFact> types,
    List<MethodFact> methods,
    List<ExistingCacheFact> existingCaches,
    List<Suppression> suppressions,
    List<Creation> creations,
    List<IterationCode> iterationCode) {

  public FileFacts {
    creations = creations == null ? List.of() : creations; // facts cached before they existed
    iterationCode = iterationCode == null ? List.of() : iterationCode;
  }

  /**
   * Code in the file by which a JDK collection, map or stream's {@code forEach} may run its callback later than the call
   * (hostile reviews 87 and 89: an anonymous {@code AbstractList}, a subclass of a library list or a Spring Data
   * {@code Streamable} overriding it, a Spliterator's {@code forEachRemaining}, a proxy implementing {@code List}): a
   * traversal method declared in any class body, named, local or anonymous, and a proxy made at run time.
   *
   * @param what {@code "forEach declared"}, {@code "forEachRemaining declared"}, ..., {@code "proxy made"}
   */
  public record IterationCode(String what, SourceRange range) {}

  /** A {@code @SuppressWarnings("optkit:...")} or {@code // optkit:ignore} found in the file. */
  public record Suppression(String ruleId, SourceRange range, String reason) {}

  /**
   * A {@code new T(...)} in the file: where it runs decides how many objects of T it can make.
   *
   * @param ownerType the class whose code constructs it; empty in local and anonymous classes
   * @param repeated inside a loop, a lambda or a local class: it may run any number of times
   * @param anonymous an anonymous subclass of the type ({@code new Member(..) { ... }}), whose methods may
   *     override any of the type's
   */
  public record Creation(String type, String ownerType, Site site, boolean repeated, SourceRange range,
      boolean anonymous) {
    /** A construction of the type itself, no anonymous subclass of it. */
    public Creation(String type, String ownerType, Site site, boolean repeated, SourceRange range) {
      this(type, ownerType, site, repeated, range, false);
    }

    /** The code a construction sits in. */
    public enum Site {
      /** A static field or static initializer: once per class loader. */
      STATIC,
      /** {@code main(String[])}: once per process. */
      MAIN,
      /** A singleton {@code @Bean} method: once per application context. */
      BEAN,
      /** A constructor, instance initializer or instance field: once per object of the owner. */
      CONSTRUCTOR,
      /** Any other method: as often as it is called. */
      METHOD
    }
  }
}
