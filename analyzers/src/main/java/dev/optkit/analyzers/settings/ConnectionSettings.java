package dev.optkit.analyzers.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How many connections a Spring Boot module's pool holds and how many request threads its server runs, as its
 * production configuration sets them ({@link SpringSettings}) or HikariCP and the embedded servlet container default
 * them. Unknown (empty) wherever the files cannot say: a profile setting either differently, a value that is a
 * placeholder, a pool other than HikariCP configured, a key set outside the files (an environment
 * variable in a Dockerfile or compose file), configuration importing other files.
 *
 * @param pool the pool's maximum size
 * @param threads the server's maximum request threads
 */
public record ConnectionSettings(Setting pool, Setting threads) {
  /** A number and where it comes from: the key and file kind that set it, or whose default it is. */
  public record Setting(int value, String from) {}

  /** HikariCP's maximumPoolSize when nothing sets it. */
  public static final int HIKARI_DEFAULT = 10;
  /** Tomcat's (and Jetty's) maximum request threads when nothing sets them. */
  public static final int SERVER_THREADS_DEFAULT = 200;

  private static final String POOL = "spring.datasource.hikari.maximum-pool-size";
  private static final List<String> THREADS = List.of("server.tomcat.threads.max", "server.tomcat.max-threads",
      "server.jetty.threads.max");
  /** Keys that say the pool is not HikariCP, or the server not one whose default is 200 threads. */
  private static final List<String> OTHER_POOLS = List.of("spring.datasource.type", "spring.datasource.tomcat.max-active",
      "spring.datasource.dbcp2.max-total", "spring.datasource.oracleucp.max-pool-size",
      "server.undertow.threads.worker", "server.undertow.worker-threads", "spring.main.web-application-type",
      "spring.threads.virtual.enabled",
      // Spring Boot 1's pool (tomcat-jdbc by default) and its keys
      "spring.datasource.max-active", "spring.datasource.max-idle", "spring.datasource.initial-size");

  /**
   * The module's settings, or empty where its configuration cannot tell them.
   *
   * @param repositoryRoot the scanned project, whose deployment files (a compose file at its root) may set the
   *     module's keys too
   */
  public static Optional<ConnectionSettings> read(Path moduleRoot, Path repositoryRoot) {
    for (String other : OTHER_POOLS) {
      Optional<SpringSettings.Values> values = SpringSettings.values(moduleRoot, other);
      if (values.isEmpty() || !values.get().byDefault().isEmpty() || !values.get().inProfiles().isEmpty()
          || setOutside(moduleRoot, repositoryRoot, other)) {
        return Optional.empty();
      }
    }
    Optional<Setting> pool = setting(moduleRoot, repositoryRoot, List.of(POOL), HIKARI_DEFAULT, "HikariCP's default");
    Optional<Setting> threads = setting(moduleRoot, repositoryRoot, THREADS, SERVER_THREADS_DEFAULT,
        "the embedded Tomcat's default");
    return pool.isPresent() && threads.isPresent() ? Optional.of(new ConnectionSettings(pool.get(), threads.get()))
        : Optional.empty();
  }

  /** Spring Boot's task executor's core threads when nothing sets them (TaskExecutionProperties, Boot 2.1 on). */
  public static final int ASYNC_CORE_DEFAULT = 8;

  /**
   * The threads Spring Boot's task executor runs {@code @Async} methods on, as the module's production configuration
   * sets them: its core threads while the queue is unbounded (the default: a ThreadPoolExecutor grows past its core
   * only when the queue is full), its maximum where a queue capacity is set and the maximum too. Empty where the files
   * cannot tell, as for the pool, or where the threads have no bound (a queue capacity with the default maximum).
   */
  public static Optional<Setting> asyncThreads(Path moduleRoot, Path repositoryRoot) {
    Optional<Setting> queue = setting(moduleRoot, repositoryRoot, List.of(ASYNC_QUEUE), -1, "unbounded");
    if (queue.isEmpty()) {
      return Optional.empty();
    }
    if (queue.get().value() < 0) {
      return setting(moduleRoot, repositoryRoot, List.of(ASYNC_CORE), ASYNC_CORE_DEFAULT,
          "Spring Boot's task executor's default core size, its queue unbounded");
    }
    Optional<Setting> max = setting(moduleRoot, repositoryRoot, List.of(ASYNC_MAX), -1, "unbounded");
    return max.filter(threads -> threads.value() >= 0);
  }

  private static final String ASYNC_CORE = "spring.task.execution.pool.core-size";
  private static final String ASYNC_MAX = "spring.task.execution.pool.max-size";
  private static final String ASYNC_QUEUE = "spring.task.execution.pool.queue-capacity";

  private static boolean setOutside(Path moduleRoot, Path repositoryRoot, String key) {
    return SpringSettings.setOutside(moduleRoot, key)
        || !repositoryRoot.equals(moduleRoot) && SpringSettings.setOutside(repositoryRoot, key);
  }

  private static Optional<Setting> setting(Path moduleRoot, Path repositoryRoot, List<String> keys, int byDefault,
      String defaultFrom) {
    Setting found = null;
    for (String key : keys) {
      Optional<SpringSettings.Values> values = SpringSettings.values(moduleRoot, key);
      if (values.isEmpty() || !values.get().inProfiles().isEmpty() || setOutside(moduleRoot, repositoryRoot, key)) {
        return Optional.empty();
      }
      List<String> set = values.get().byDefault();
      if (set.isEmpty()) {
        continue;
      }
      // a later document or file setting it again: the files disagree, or are read in an order Spring may not share
      if (set.stream().distinct().count() > 1 || found != null) {
        return Optional.empty();
      }
      Optional<Integer> number = number(set.get(0));
      if (number.isEmpty()) {
        return Optional.empty();
      }
      found = new Setting(number.get(), key);
    }
    return Optional.of(found != null ? found : new Setting(byDefault, defaultFrom));
  }

  /**
   * A whole number; none for a placeholder ({@code ${DB_POOL_SIZE:20}}), whose value the deployment sets and whose
   * default may never hold.
   */
  static Optional<Integer> number(String value) {
    String text = value.strip();
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(text));
  }
}
