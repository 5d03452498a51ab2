package dev.optkit.rewriters.caching;

/**
 * The emergency switch every optkit-added cache consults on each call, so caching can be turned off
 * in production without a redeploy of code: the system property {@code optkit.cache.disabled} (also
 * settable at run time) or the environment variable {@code OPTKIT_CACHE_DISABLED}.
 */
public final class CacheSwitchFile {
  public static final String CLASS_NAME = "OptkitCaching";
  public static final String PROPERTY = "optkit.cache.disabled";
  public static final String ENVIRONMENT = "OPTKIT_CACHE_DISABLED";

  private CacheSwitchFile() {}

  public static String create(String packageName, String indent, String nl) {
    String[] lines = {
        packageName.isEmpty() ? null : "package " + packageName + ";",
        packageName.isEmpty() ? null : "",
        "/**",
        " * Switch for the caches optkit migrate added: true in the system property " + PROPERTY,
        " * or the environment variable " + ENVIRONMENT + " turns every one of them off. Read on each call.",
        " */",
        "public final class " + CLASS_NAME + " {",
        indent + "private " + CLASS_NAME + "() {}",
        "",
        indent + "public static boolean disabled() {",
        indent + indent + "String property = System.getProperty(\"" + PROPERTY + "\");",
        indent + indent + "if (property != null) {",
        indent + indent + indent + "return Boolean.parseBoolean(property);",
        indent + indent + "}",
        indent + indent + "return Boolean.parseBoolean(System.getenv(\"" + ENVIRONMENT + "\"));",
        indent + "}",
        "}"};
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (line != null) {
        text.append(line).append(nl);
      }
    }
    return text.toString();
  }
}
