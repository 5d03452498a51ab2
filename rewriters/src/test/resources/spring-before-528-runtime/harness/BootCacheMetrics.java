package harness;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.actuate.metrics.cache.CaffeineCacheMeterBinderProvider;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated OptkitCacheConfig with a Prometheus registry, and then Spring Boot 2.1's own binding of every
 * CacheManager bean's caches (its CacheMetricsRegistrarConfiguration, which an application with the actuator runs at
 * its start).
 */
public final class BootCacheMetrics {
  private BootCacheMetrics() {}

  @Configuration
  public static class Registry {
    @Bean
    public PrometheusMeterRegistry prometheusMeterRegistry() {
      return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
  }

  /**
   * The tags of each cache.gets meter after both bindings (key=value, by key, a comma between), or the failure of
   * Boot's binding.
   */
  public static Set<String> bind() throws Exception {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Registry.class,
        shop.OptkitCacheConfig.class)) {
      PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
      // package-private in Boot, run as Boot runs it: its constructor, then bindCachesToRegistry
      Class<?> boot = Class.forName("org.springframework.boot.actuate.autoconfigure.metrics.cache.CacheMetricsRegistrarConfiguration");
      Constructor<?> constructor = boot.getDeclaredConstructors()[0];
      constructor.setAccessible(true);
      Object configuration = constructor.newInstance(registry,
          Collections.singletonList(new CaffeineCacheMeterBinderProvider()), context.getBeansOfType(CacheManager.class));
      Method bind = boot.getMethod("bindCachesToRegistry");
      bind.setAccessible(true);
      try {
        bind.invoke(configuration);
      } catch (InvocationTargetException e) {
        return Collections.singleton("failed: " + e.getCause());
      }
      Set<String> ids = new TreeSet<>();
      for (Meter meter : registry.getMeters()) {
        if (meter.getId().getName().equals("cache.gets")) {
          StringBuilder id = new StringBuilder();
          for (io.micrometer.core.instrument.Tag tag : meter.getId().getTags()) {
            id.append(id.length() == 0 ? "" : ",").append(tag.getKey()).append('=').append(tag.getValue());
          }
          ids.add(id.toString());
        }
      }
      return ids;
    }
  }
}
