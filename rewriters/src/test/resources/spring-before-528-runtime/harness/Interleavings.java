package harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import shop.CountryDao;

/**
 * The migrated CountryDao and the generated OptkitCacheConfig in a Spring context of the Spring on the class path (4.3
 * or 5.1, compiled for Java 8 against it alone), on an H2 database through DataSourceTransactionManager, with
 * Spring's transaction interceptor either outside or inside the cache interceptor. Each scenario's answer is what the
 * cache served after it, which the test compares with what the database holds.
 */
public final class Interleavings {
  private static final String CACHE_ADVISOR = "org.springframework.cache.config.internalCacheAdvisor";
  private static final String TRANSACTION_ADVISOR = "org.springframework.transaction.config.internalTransactionAdvisor";

  private static volatile Thread hooked;
  private static volatile Runnable afterRead;

  private Interleavings() {}

  /** Runs a hook after a query of the hooked thread returned: a load that has read its row and not stored it yet. */
  public static class HookedJdbcTemplate extends JdbcTemplate {
    public HookedJdbcTemplate(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
      T value = super.queryForObject(sql, requiredType, args);
      Runnable hook = afterRead;
      if (Thread.currentThread() == hooked && hook != null) {
        afterRead = null;
        hook.run();
      }
      return value;
    }
  }

  /** A service whose transactions call the migrated DAO. */
  public static class Service {
    private final CountryDao dao;

    public Service(CountryDao dao) {
      this.dao = dao;
    }

    @Transactional
    public String renameThenRead(String code, String name) {
      dao.rename(code, name);
      return dao.countryName(code);
    }

    @Transactional
    public String readRenameRead(String code, String name) {
      dao.countryName(code);
      dao.rename(code, name);
      return dao.countryName(code);
    }

    @Transactional
    public void renameReadAndFail(String code, String name) {
      dao.rename(code, name);
      dao.countryName(code);
      throw new IllegalStateException("rolled back");
    }

    /** A checked exception: Spring commits the transaction, and runs no eviction after the write. */
    @Transactional
    public void renameAndFailChecked(String code, String name) throws Exception {
      dao.rename(code, name);
      throw new Exception("committed");
    }
  }

  /** Which interceptor is outer, by their advisors' order (both default to the lowest precedence). */
  public static class AdvisorOrder implements BeanPostProcessor, PriorityOrdered {
    private final boolean transactionOuter;

    public AdvisorOrder(boolean transactionOuter) {
      this.transactionOuter = transactionOuter;
    }

    @Override
    public int getOrder() {
      return 0;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
      return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (name.equals(CACHE_ADVISOR)) {
        ((AbstractPointcutAdvisor) bean).setOrder(transactionOuter ? 10 : 1);
      } else if (name.equals(TRANSACTION_ADVISOR)) {
        ((AbstractPointcutAdvisor) bean).setOrder(transactionOuter ? 1 : 10);
      }
      return bean;
    }
  }

  @Configuration
  @EnableTransactionManagement
  public static class Application {
    static volatile boolean transactionOuter;
    private static int databases;

    @Bean
    public static AdvisorOrder advisorOrder() {
      return new AdvisorOrder(transactionOuter);
    }

    @Bean
    public DataSource dataSource() {
      DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:countries" + (++databases)
          + ";DB_CLOSE_DELAY=-1", "sa", "");
      dataSource.setDriverClassName("org.h2.Driver"); // registered from this class loader
      return dataSource;
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    public JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new HookedJdbcTemplate(dataSource);
    }

    @Bean
    public CountryDao countryDao(JdbcTemplate jdbc) {
      return new CountryDao(jdbc);
    }

    @Bean
    public Service service(CountryDao dao) {
      return new Service(dao);
    }
  }

  private static AnnotationConfigApplicationContext context(boolean transactionOuter) {
    Application.transactionOuter = transactionOuter;
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Application.class,
        shop.OptkitCacheConfig.class);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    jdbc.execute("CREATE TABLE country(code VARCHAR(8) PRIMARY KEY, name VARCHAR(64))");
    jdbc.update("INSERT INTO country VALUES ('FR', 'France')");
    return context;
  }

  private static String database(AnnotationConfigApplicationContext context) {
    return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT name FROM country WHERE code = 'FR'",
        String.class);
  }

  /**
   * Each scenario's name and what the cache served after it ("database:" and what the database held, where that
   * differs from the scenario's write), or "advisors" and the interceptors' order on the DAO, outer first.
   */
  public static Map<String, String> run(boolean transactionOuter) throws Exception {
    Map<String, String> served = new LinkedHashMap<>();
    try (AnnotationConfigApplicationContext context = context(transactionOuter)) {
      CountryDao dao = context.getBean(CountryDao.class);
      StringBuilder advisors = new StringBuilder();
      for (org.springframework.aop.Advisor advisor : ((org.springframework.aop.framework.Advised) dao).getAdvisors()) {
        advisors.append(advisors.length() == 0 ? "" : ",").append(advisor.getAdvice().getClass().getSimpleName());
      }
      served.put("advisors", advisors.toString());
      dao.countryName("FR");
      dao.rename("FR", "Francia");
      served.put("readAfterCommittedWrite", dao.countryName("FR"));
    }
    try (AnnotationConfigApplicationContext context = context(transactionOuter)) {
      CountryDao dao = context.getBean(CountryDao.class);
      Service service = context.getBean(Service.class);
      dao.countryName("FR");
      served.put("ownWriteInTransaction", service.renameThenRead("FR", "Francia"));
      served.put("readAfterThatTransaction", dao.countryName("FR"));
      served.put("ownWriteAfterOwnRead", service.readRenameRead("FR", "Espagne"));
      served.put("readAfterThatSecondTransaction", dao.countryName("FR"));
    }
    try (AnnotationConfigApplicationContext context = context(transactionOuter)) {
      CountryDao dao = context.getBean(CountryDao.class);
      dao.countryName("FR");
      try {
        context.getBean(Service.class).renameReadAndFail("FR", "Rolled back");
      } catch (IllegalStateException expected) {
        // rolled back
      }
      served.put("readAfterRolledBackWrite", dao.countryName("FR") + " database:" + database(context));
    }
    try (AnnotationConfigApplicationContext context = context(transactionOuter)) {
      CountryDao dao = context.getBean(CountryDao.class);
      dao.countryName("FR");
      try {
        context.getBean(Service.class).renameAndFailChecked("FR", "Committed");
      } catch (Exception expected) {
        // committed all the same
      }
      served.put("readAfterWriteThatThrewAndCommitted", dao.countryName("FR") + " database:" + database(context));
    }
    try (AnnotationConfigApplicationContext context = context(transactionOuter)) {
      CountryDao dao = context.getBean(CountryDao.class);
      ExecutorService reader = Executors.newSingleThreadExecutor();
      try {
        // the reader reads the old row; a whole write commits before the reader stores what it read
        Future<String> read = reader.submit(() -> {
          hooked = Thread.currentThread();
          afterRead = () -> dao.rename("FR", "Francia");
          return dao.countryName("FR");
        });
        served.put("loadOverlappingWriteReturned", read.get());
        served.put("readAfterLoadOverlappingWrite", dao.countryName("FR"));
      } finally {
        hooked = null;
        reader.shutdown();
      }
    }
    return served;
  }

  /** For a JVM of its own (Spring 4.3's CGLIB needs java.lang opened): a line per scenario, name TAB answer. */
  public static void main(String[] args) throws Exception {
    for (Map.Entry<String, String> entry : run(Boolean.parseBoolean(args[0])).entrySet()) {
      System.out.println(entry.getKey() + "\t" + entry.getValue());
    }
  }
}
