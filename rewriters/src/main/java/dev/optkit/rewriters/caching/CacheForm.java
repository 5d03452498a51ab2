package dev.optkit.rewriters.caching;

/** The caching idiom a method gets. */
public enum CacheForm {
  /** {@code @Cacheable} on a Spring bean, backed by a Caffeine cache manager optkit configures. */
  SPRING,
  /** A Caffeine cache field in the class; the original body moves to a private loader. */
  PLAIN;

  public static boolean isFuture(String returnType) {
    return returnType.equals("java.util.concurrent.CompletableFuture");
  }
}
