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

  /**
   * The build of {@code type}'s code by content: its jar's SHA-256, or that of {@code probeClass}'s class file when it
   * comes from a directory of classes. The same build on another machine, whatever its files' times, has the same.
   */
  public static String contentOf(Class<?> type, String probeClass) {
    try {
      java.io.File code = new java.io.File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      java.io.File probe = code.isDirectory() ? new java.io.File(code, probeClass.replace('.', '/') + ".class") : code;
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      try (java.io.InputStream in = java.nio.file.Files.newInputStream(probe.toPath())) {
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          digest.update(buffer, 0, read);
        }
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.net.URISyntaxException | java.io.IOException | java.security.NoSuchAlgorithmException
        | RuntimeException e) {
      return "unknown";
    }
  }
}
