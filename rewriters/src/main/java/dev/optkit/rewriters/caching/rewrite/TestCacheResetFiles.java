package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.rewriters.caching.writers.TestCacheReset;

/**
 * The two test files that empty optkit's Spring caches around each test method: a {@code TestExecutionListener}
 * clearing every {@code optkit.*} cache of every cache manager in the test's context (and the contexts above it)
 * before the test's set-up, after it (before the test) and after its clean-up, and the {@code META-INF/spring.factories} that makes
 * it one of every test's default listeners. Why: {@link TestCacheReset}. It compiles for Java 8 and Spring 5.2.
 */
public final class TestCacheResetFiles {
  private TestCacheResetFiles() {}

  /** The listener's source, in the package given. */
  public static String listener(String packageName, String indent, String nl) {
    String i1 = indent;
    String i2 = indent + indent;
    String i3 = i2 + indent;
    String i4 = i3 + indent;
    StringBuilder out = new StringBuilder();
    if (!packageName.isEmpty()) {
      out.append("package ").append(packageName).append(';').append(nl).append(nl);
    }
    out.append("import java.util.ArrayList;").append(nl)
        .append("import java.util.List;").append(nl)
        .append("import org.springframework.beans.factory.BeanFactoryUtils;").append(nl)
        .append("import org.springframework.cache.Cache;").append(nl)
        .append("import org.springframework.cache.CacheManager;").append(nl)
        .append("import org.springframework.cache.interceptor.AbstractCacheResolver;").append(nl)
        .append("import org.springframework.cache.transaction.TransactionAwareCacheDecorator;").append(nl)
        .append("import org.springframework.context.ApplicationContext;").append(nl)
        .append("import org.springframework.test.context.TestContext;").append(nl)
        .append("import org.springframework.test.context.TestExecutionListener;").append(nl).append(nl)
        .append("/**").append(nl)
        .append(" * Added by optkit: empties optkit's caches just before each test method runs, after its set-up. The tests'")
        .append(nl)
        .append(" * set-up writes data straight to the database, past the evictions the application's own writers make,")
        .append(nl)
        .append(" * and a test then reads it through the cached methods: without this it could get an answer cached by an")
        .append(nl)
        .append(" * earlier test. Registered for every test in META-INF/spring.factories; the application itself never runs it.")
        .append(nl)
        .append(" */").append(nl)
        .append("public class ").append(TestCacheReset.LISTENER).append(" implements TestExecutionListener {").append(nl)
        .append(clearing("beforeTestMethod", "before the test's set-up", indent, nl))
        .append(clearing("beforeTestExecution", "after its set-up's writes, before the test", indent, nl))
        .append(clearing("afterTestMethod", "after its clean-up's writes, before the next test's set-up", indent, nl))
        .append(i1).append("private static void clear(TestContext testContext) {").append(nl)
        .append(i2).append("if (!testContext.hasApplicationContext()) {").append(nl)
        .append(i3).append("return;").append(nl)
        .append(i2).append('}').append(nl)
        .append(i2).append("ApplicationContext context = testContext.getApplicationContext();").append(nl)
        .append(i2).append("// optkit's manager is a bean, or inside its cache resolver where the project has caches of its own")
        .append(nl)
        .append(i2).append("// in the test's context or one above it (@ContextHierarchy)").append(nl)
        .append(i2).append("List<CacheManager> managers = new ArrayList<>(")
        .append("BeanFactoryUtils.beansOfTypeIncludingAncestors(context, CacheManager.class).values());").append(nl)
        .append(i2).append("for (AbstractCacheResolver resolver : BeanFactoryUtils.beansOfTypeIncludingAncestors(context,")
        .append(nl)
        .append(i4).append("AbstractCacheResolver.class).values()) {").append(nl)
        .append(i3).append("try {").append(nl)
        .append(i4).append("managers.add(resolver.getCacheManager());").append(nl)
        .append(i3).append("} catch (IllegalStateException noManager) {").append(nl)
        .append(i4).append("// a resolver of the project's that has none").append(nl)
        .append(i3).append('}').append(nl)
        .append(i2).append('}').append(nl)
        .append(i2).append("for (CacheManager manager : managers) {").append(nl)
        .append(i3).append("for (String name : manager.getCacheNames()) {").append(nl)
        .append(i4).append("Cache cache = name.startsWith(\"optkit.\") ? manager.getCache(name) : null;").append(nl)
        .append(i4).append("if (cache instanceof TransactionAwareCacheDecorator) {").append(nl)
        .append(i4).append(indent).append("// at once: through the decorator a clear waits for a test transaction's commit")
        .append(nl)
        .append(i4).append(indent).append("cache = ((TransactionAwareCacheDecorator) cache).getTargetCache();").append(nl)
        .append(i4).append('}').append(nl)
        .append(i4).append("if (cache != null) {").append(nl)
        .append(i4).append(indent).append("cache.clear();").append(nl)
        .append(i4).append('}').append(nl)
        .append(i3).append('}').append(nl)
        .append(i2).append('}').append(nl)
        .append(i1).append('}').append(nl)
        .append('}').append(nl);
    return out.toString();
  }

  /** A listener method that clears the caches at its point of a test's run. */
  private static String clearing(String method, String when, String indent, String nl) {
    return indent + "@Override" + nl + indent + "public void " + method + "(TestContext testContext) {" + nl
        + indent + indent + "clear(testContext); // " + when + nl + indent + "}" + nl + nl;
  }

  /** The {@code spring.factories} registering the listener as a default one of every test. */
  public static String factories(String listenerType, String nl) {
    return "# Added by optkit: empties optkit's caches before each test method (see " + TestCacheReset.LISTENER + ")"
        + nl + TestCacheReset.LISTENER_KEY + "=" + listenerType + nl;
  }
}
