package dev.optkit.analyzers.facts.extract;

/** The classpath path of a resource named after a class, as Spring's test support names one: its binary name. */
final class TestResources {
  private TestResources() {}

  /**
   * {@code com/shop/OrderTest} for {@code com.shop.OrderTest}, {@code com/shop/OrderTest$Paid} for a class nested in
   * it.
   */
  static String named(String packageName, String qualifiedClass) {
    String prefix = packageName.isEmpty() ? "" : packageName + ".";
    String nested = qualifiedClass.startsWith(prefix) ? qualifiedClass.substring(prefix.length()) : qualifiedClass;
    return (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + nested.replace('.', '$');
  }
}
