package dev.optkit.analyzers.io;

/** The build of the code a class comes from: its jar's, or a class file's, size and time. */
public final class CodeBuild {
  private CodeBuild() {}

  /** The build of {@code type}'s code: its jar's, or its own class file's, size and time. */
  public static String of(Class<?> type) {
    return of(type, type.getName());
  }

  /**
   * The build of {@code type}'s code: its jar's size and time, or, when it comes from a directory
   * of classes, those of the class file of {@code probeClass} (a class name) in that directory.
   */
  public static String of(Class<?> type, String probeClass) {
    try {
      java.io.File code = new java.io.File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      java.io.File probe = code.isDirectory() ? new java.io.File(code, probeClass.replace('.', '/') + ".class") : code;
      return probe.length() + ":" + probe.lastModified();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }
}
