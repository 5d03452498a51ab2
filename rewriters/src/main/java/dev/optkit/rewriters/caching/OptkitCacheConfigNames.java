package dev.optkit.rewriters.caching;

/**
 * The names optkit gives the Spring cache configuration it writes: {@link
 * dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite} writes them, {@link ProjectTraits} recognises optkit's
 * own configuration by them.
 */
public final class OptkitCacheConfigNames {
  public static final String CLASS_NAME = "OptkitCacheConfig";
  public static final String MANAGER_BEAN = "optkitCacheManager";
  public static final String RESOLVER_BEAN = "optkitCacheResolver";

  private OptkitCacheConfigNames() {
  }
}
