package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that depends on state bound to the calling thread or request (the tenant in MDC, a ThreadLocal set by a filter
 * optkit does not read, a bean of a custom scope, a DataSource routed by the thread's tenant) is refused, and the reason
 * names that state: cached under a key of its parameters, tenant B would get tenant A's answer. Each case had been
 * cached with {@code key = "#p0"} before (a hostile campaign against the generated code); each has a twin without the
 * thread-bound read that is cached, so the refusal comes from that read alone.
 */
class ThreadBoundStateTest {
  @TempDir Path dir;

  private static final String READ = """
          public String report(String name) {
              return jdbc.queryForObject("SELECT body FROM reports WHERE tenant = ? AND name = ?", String.class,
                  %s, name);
          }
      """;

  private MigrationPlan plan(String tenantExpression, String imports, String... more) {
    return plan(dir, tenantExpression, imports, more);
  }

  private static MigrationPlan plan(Path root, String tenantExpression, String imports, String... more) {
    MigrationFixture fixture = new MigrationFixture(root).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(MigrationSafetyTest.bean("Reports", "Service", "import org.springframework.stereotype.Service;\n" + imports,
            READ.formatted(tenantExpression)));
    for (String source : more) {
      fixture.java(source);
    }
    return fixture.plan();
  }

  private static Optional<String> refusal(MigrationPlan plan) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("report("))
        .map(Refusal::reason).findFirst();
  }

  private static List<String> cached(MigrationPlan plan) {
    return plan.targets().stream().map(t -> t.method().fact().name()).toList();
  }

  @Test
  void theTenantInSlf4jsMdcIsThreadBound() {
    MigrationPlan plan = plan("MDC.get(\"tenant\")", "import org.slf4j.MDC;");
    assertEquals(List.of(), cached(plan));
    assertTrue(refusal(plan).orElseThrow().contains("MDC.get()"), refusal(plan).orElseThrow());
  }

  @Test
  void theTenantInLog4jsThreadContextIsThreadBound() {
    MigrationPlan plan = plan("ThreadContext.get(\"tenant\")", "import org.apache.logging.log4j.ThreadContext;");
    assertEquals(List.of(), cached(plan));
    assertTrue(refusal(plan).orElseThrow().contains("ThreadContext.get()"), refusal(plan).orElseThrow());
  }

  /** The holder's set() is in code optkit does not scan (a servlet filter of another module): its get() is enough. */
  @Test
  void aStaticThreadLocalSetOutsideTheSourcesIsThreadBound() {
    for (String kind : List.of("ThreadLocal", "InheritableThreadLocal")) {
      MigrationPlan plan = plan(dir.resolve(kind), "TenantContext.current()", "", """
          package shop;

          public final class TenantContext {
              private static final %s<String> CURRENT = new %s<>();

              private TenantContext() {
              }

              public static String current() {
                  return CURRENT.get();
              }
          }
          """.formatted(kind, kind));
      assertEquals(List.of(), cached(plan), kind);
      assertTrue(refusal(plan).orElseThrow().contains("reads CURRENT, ") && refusal(plan).orElseThrow().contains(kind
          + ", state bound"), refusal(plan).orElseThrow());
    }
  }

  /** A hostile review's variants of a tenant held by the thread, each cached before with a key that left it out. */
  @Test
  void holdersReachedOtherwiseAreThreadBoundToo() {
    String holder = """
        package shop;

        public final class TenantHolder {
            public static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
            public static final TenantLocal SUBCLASSED = new TenantLocal();
            public static final org.springframework.core.NamedThreadLocal<String> NAMED =
                new org.springframework.core.NamedThreadLocal<>("tenant");

            private TenantHolder() {
            }
        }
        """;
    String subclass = """
        package shop;

        public class TenantLocal extends ThreadLocal<String> {
        }
        """;
    java.util.Map<String, String> variants = new java.util.LinkedHashMap<>();
    variants.put("TenantHolder.CURRENT.get()", "TenantHolder.CURRENT, a ThreadLocal");
    variants.put("TenantHolder.SUBCLASSED.get()", "TenantHolder.SUBCLASSED, a ThreadLocal");
    variants.put("TenantHolder.NAMED.get()", "TenantHolder.NAMED, a NamedThreadLocal");
    variants.put("io.opentelemetry.api.baggage.Baggage.current().getEntryValue(\"tenant\")", "Baggage.current()");
    int i = 0;
    for (java.util.Map.Entry<String, String> variant : variants.entrySet()) {
      MigrationPlan plan = plan(dir.resolve("v" + i++), variant.getKey(), "", holder, subclass);
      assertEquals(List.of(), cached(plan), variant.getKey());
      assertTrue(refusal(plan).orElseThrow().contains(variant.getValue()), refusal(plan).orElseThrow());
    }
  }

  /** MDC.put and ThreadContext.push write what the log shows: no read of the caller's state, no refusal for it. */
  @Test
  void aWriteToTheLoggingContextIsNoRead() {
    MigrationPlan plan = plan("name.length() > 0 ? \"shared\" : \"none\"", "import org.slf4j.MDC;");
    assertEquals(List.of("report"), cached(plan), plan.refusals().toString());
    MigrationPlan logged = new MigrationFixture(dir.resolve("logged")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(MigrationSafetyTest.bean("Reports", "Service", "import org.springframework.stereotype.Service;\n"
            + "import org.slf4j.MDC;", """
                public String report(String name) {
                    MDC.put("report", name);
                    return jdbc.queryForObject("SELECT body FROM reports WHERE name = ?", String.class, name);
                }
            """)).plan();
    assertTrue(refusal(logged).map(r -> !r.contains("MDC")).orElse(true), refusal(logged).orElse(""));
  }

  @Test
  void aRequestScopeOnABeanMethodOrAMetaAnnotationIsBoundToo() {
    String reports = MigrationSafetyTest.bean("Reports", "Service", "import org.springframework.stereotype.Service;",
        """
            private Tenant tenant;

            public String report(String name) {
                return jdbc.queryForObject("SELECT body FROM reports WHERE tenant = ? AND name = ?", String.class,
                    tenant.id(), name);
            }
        """);
    String plainTenant = """
        package shop;

        public class Tenant {
            private String id = "a";

            public String id() {
                return id;
            }
        }
        """;
    MigrationPlan byMethod = new MigrationFixture(dir.resolve("method")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(plainTenant).java(reports).java("""
            package shop;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.web.context.annotation.RequestScope;

            @Configuration
            public class Tenants {
                @Bean
                @RequestScope
                public Tenant tenant() {
                    return new Tenant();
                }
            }
            """).plan();
    assertEquals(List.of(), cached(byMethod));
    assertTrue(refusal(byMethod).orElseThrow().contains("@RequestScope (@Bean Tenants.tenant())"), refusal(byMethod).orElseThrow());
    MigrationPlan meta = new MigrationFixture(dir.resolve("meta")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(reports).java("""
            package shop;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import org.springframework.context.annotation.Scope;

            @Retention(RetentionPolicy.RUNTIME)
            @Scope("tenant")
            public @interface TenantScoped {
            }
            """).java("""
            package shop;

            import org.springframework.stereotype.Component;

            @Component
            @TenantScoped
            public class Tenant {
                private String id = "a";

                public String id() {
                    return id;
                }
            }
            """).plan();
    assertEquals(List.of(), cached(meta));
    assertTrue(refusal(meta).orElseThrow().contains("@TenantScoped (@Scope(\"tenant\"))"), refusal(meta).orElseThrow());
  }

  @Test
  void aBeanOfACustomScopeIsBoundToWhatTheScopeKeysItBy() {
    String tenant = """
        package shop;

        import org.springframework.context.annotation.Scope;
        import org.springframework.stereotype.Component;

        @Component
        @Scope(value = "%s", proxyMode = org.springframework.context.annotation.ScopedProxyMode.TARGET_CLASS)
        public class Tenant {
            private String id = "a";

            public String id() {
                return id;
            }
        }
        """;
    String reports = MigrationSafetyTest.bean("Reports", "Service", "import org.springframework.stereotype.Service;",
        """
            private Tenant tenant;

            public String report(String name) {
                return jdbc.queryForObject("SELECT body FROM reports WHERE tenant = ? AND name = ?", String.class,
                    tenant.id(), name);
            }
        """);
    MigrationPlan scoped = new MigrationFixture(dir.resolve("scoped")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(tenant.formatted("tenant")).java(reports).plan();
    assertEquals(List.of(), cached(scoped));
    assertTrue(refusal(scoped).orElseThrow().contains("@Scope(\"tenant\")"), refusal(scoped).orElseThrow());
    // a prototype is made anew for each lookup, bound to no request: not refused for its scope
    MigrationPlan prototype = new MigrationFixture(dir.resolve("prototype")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(tenant.formatted("prototype")).java(reports).plan();
    assertTrue(refusal(prototype).map(r -> !r.contains("@Scope")).orElse(true), refusal(prototype).orElse(""));
  }

  private static final String ROUTING = """
      package shop;

      import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

      public class TenantRoutingDataSource extends AbstractRoutingDataSource {
          @Override
          protected Object determineCurrentLookupKey() {
              return TenantHolder.current();
          }
      }
      """;

  private static final String HOLDER = """
      package shop;

      public final class TenantHolder {
          public static final String TENANT = "a";
          private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

          private TenantHolder() {
          }

          public static String current() {
              return CURRENT.get();
          }
      }
      """;

  @Test
  void everyQueryThroughADataSourceRoutedByTenantIsThreadBound() {
    MigrationPlan routed = plan("\"shared\"", "", ROUTING, HOLDER);
    assertEquals(List.of(), cached(routed));
    assertTrue(refusal(routed).orElseThrow().contains("TenantRoutingDataSource extends AbstractRoutingDataSource"),
        refusal(routed).orElseThrow());
    MigrationPlan single = new MigrationFixture(dir.resolve("single")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(MigrationSafetyTest.bean("Reports", "Service", "import org.springframework.stereotype.Service;",
            READ.formatted("\"shared\""))).java(HOLDER).plan();
    assertEquals(List.of("report"), cached(single), single.refusals().toString());
  }

  /**
   * A Hibernate filter the project enables per session (a tenant's rows only) narrows the queries of the entities it
   * is on, here inherited from a mapped superclass: those are refused, naming the entity. A load by key is no query
   * (Hibernate applies no filter to it), and an entity without the filter is not narrowed: neither is refused for it.
   * (An unseen gym SaaS had every read refused, its key loads and unfiltered tables too, each naming another entity.)
   */
  @Test
  void onlyQueriesOfAnEntityAnEnabledFilterNarrowsAreThreadBound() {
    MigrationPlan plan = filtered(dir, "@FilterDef(name = \"tenantFilter\", parameters = @ParamDef(name = \"tenantId\", "
        + "type = String.class))");
    java.util.Map<String, String> reasons = new java.util.TreeMap<>();
    plan.refusals().forEach(r -> reasons.put(r.finding().enclosingMethod(), r.reason()));
    String active = reasons.entrySet().stream().filter(e -> e.getKey().startsWith("activeCount(")).map(java.util.Map.Entry::getValue)
        .findFirst().orElseThrow(() -> new AssertionError(cached(plan) + " " + reasons));
    assertTrue(active.contains("reads Tip through findByActiveTrue(), whose rows a Hibernate filter"), active);
    // the query itself is refused alike; the load by key and the unfiltered entity's query are not refused for a filter
    reasons.forEach((method, reason) -> assertTrue(method.startsWith("activeCount(") || method.startsWith("findByActiveTrue(")
        || !reason.contains("Hibernate filter"), method + ": " + reason));
    assertTrue(reasons.keySet().stream().anyMatch(m -> m.startsWith("findByActiveTrue(")), reasons.toString());
  }

  /** Tips of a tenant entity a Hibernate filter narrows (its @FilterDef given), regions of a plain one, and a service. */
  private static MigrationPlan filtered(Path root, String filterDef) {
    return filtered(root, filterDef, true);
  }

  /** @param enabledInCode a class of the project enables the filter on the session ({@code enableFilter}) */
  private static MigrationPlan filtered(Path root, String filterDef, boolean enabledInCode) {
    return new MigrationFixture(root).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import jakarta.persistence.MappedSuperclass;
            import org.hibernate.annotations.Filter;
            import org.hibernate.annotations.FilterDef;
            import org.hibernate.annotations.ParamDef;

            @MappedSuperclass
            %s
            @Filter(name = "tenantFilter", condition = "tenant_id = :tenantId")
            public abstract class TenantEntity {
                private String tenantId;
            }
            """.formatted(filterDef))
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Tip extends TenantEntity {
                @Id
                private Long id;
                private String title;
                private boolean active;

                public String getTitle() {
                    return title;
                }
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Region {
                @Id
                private Long id;
                private String name;

                public String getName() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface TipRepository extends JpaRepository<Tip, Long> {
                List<Tip> findByActiveTrue();
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface RegionRepository extends JpaRepository<Region, Long> {
                List<Region> findByName(String name);
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.EntityManager;
            import org.hibernate.Session;

            public class TenantFilters {
                private final EntityManager entityManager;

                public TenantFilters(EntityManager entityManager) {
                    this.entityManager = entityManager;
                }

                public void enter(String tenant) {
                    %s
                }
            }
            """.formatted(enabledInCode ? "entityManager.unwrap(Session.class).enableFilter(\"tenantFilter\").setParameter(\"tenantId\", tenant);" : "entityManager.clear();"))
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Tips {
                private final TipRepository tips;
                private final RegionRepository regions;

                public Tips(TipRepository tips, RegionRepository regions) {
                    this.tips = tips;
                    this.regions = regions;
                }

                public int activeCount() {
                    return tips.findByActiveTrue().size();
                }

                public String title(Long id) {
                    return tips.findById(id).map(Tip::getTitle).orElse(null);
                }

                public int regionCount(String name) {
                    return regions.findByName(name).size();
                }
            }
            """)
        .plan();
  }

  /** {@code @FilterDef(autoEnabled = true)} (Hibernate 6.5) is on in every session, enabled in no code. */
  @Test
  void aFilterEnabledInEverySessionNarrowsWithoutCode() {
    String def = "@FilterDef(name = \"tenantFilter\", autoEnabled = %s, parameters = @ParamDef(name = \"tenantId\", "
        + "type = String.class))";
    MigrationPlan auto = filtered(dir.resolve("auto"), def.formatted("true"), false);
    assertTrue(auto.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("activeCount(")
        && r.reason().contains("reads Tip through findByActiveTrue(), whose rows a Hibernate filter")), auto.refusals().toString());
    MigrationPlan off = filtered(dir.resolve("off"), def.formatted("false"), false);
    assertTrue(off.refusals().stream().noneMatch(r -> r.reason().contains("Hibernate filter")), off.refusals().toString());
  }

  /** {@code @FilterDef(applyToLoadByKey = true)} (Hibernate 6.5) narrows loads by key too: then those are refused. */
  @Test
  void aFilterAppliedToLoadsByKeyNarrowsThemToo() {
    MigrationPlan plan = filtered(dir, "@FilterDef(name = \"tenantFilter\", applyToLoadByKey = true, "
        + "parameters = @ParamDef(name = \"tenantId\", type = String.class))");
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("title(")
        && r.reason().contains("reads Tip through findById(), whose rows a Hibernate filter")), plan.refusals().toString());
  }

  /**
   * A routing DataSource made as an anonymous class in a {@code @Bean} method is one too (what its key reads is not
   * looked into), and so is a DataSource of the project's that sets the schema from the thread's tenant; one whose key
   * is the transaction's read-only flag (a replica) makes no read the caller's.
   */
  @Test
  void routingDataSourcesHoweverWrittenAndAReplicaRouterIsNot() {
    MigrationPlan anonymous = plan(dir.resolve("anonymous"), "\"shared\"", "", HOLDER, """
        package shop;

        import javax.sql.DataSource;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

        @Configuration
        public class Databases {
            @Bean
            public DataSource dataSource() {
                return new AbstractRoutingDataSource() {
                    @Override
                    protected Object determineCurrentLookupKey() {
                        return TenantHolder.TENANT;
                    }
                };
            }
        }
        """);
    assertEquals(List.of(), cached(anonymous));
    assertTrue(refusal(anonymous).orElseThrow().contains("src/main/java/shop/Databases.java:12 makes an anonymous AbstractRoutingDataSource"),
        refusal(anonymous).orElseThrow());
    MigrationPlan schema = plan(dir.resolve("schema"), "\"shared\"", "", """
        package shop;

        import java.sql.Connection;
        import java.sql.SQLException;
        import javax.sql.DataSource;
        import org.springframework.jdbc.datasource.DelegatingDataSource;

        public class SchemaPerTenant extends DelegatingDataSource {
            private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

            public SchemaPerTenant(DataSource target) {
                super(target);
            }

            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                connection.setSchema(TENANT.get());
                return connection;
            }
        }
        """);
    assertEquals(List.of(), cached(schema));
    assertTrue(refusal(schema).orElseThrow().contains("SchemaPerTenant, a DataSource, reads the caller's state in "
        + "getConnection()"), refusal(schema).orElseThrow());
    MigrationPlan replica = plan(dir.resolve("replica"), "\"shared\"", "", """
        package shop;

        import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
        import org.springframework.transaction.support.TransactionSynchronizationManager;

        public class ReplicaRouting extends AbstractRoutingDataSource {
            @Override
            protected Object determineCurrentLookupKey() {
                return TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? "replica" : "primary";
            }
        }
        """);
    assertEquals(List.of("report"), cached(replica), replica.refusals().toString());
  }

  @Test
  void everyQueryUnderHibernatesTenantResolverIsThreadBound() {
    MigrationPlan plan = plan("\"shared\"", "", """
        package shop;

        import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

        public class Tenants implements CurrentTenantIdentifierResolver<String> {
            @Override
            public String resolveCurrentTenantIdentifier() {
                return "a";
            }

            @Override
            public boolean validateExistingCurrentSessions() {
                return true;
            }
        }
        """);
    assertEquals(List.of(), cached(plan));
    assertTrue(refusal(plan).orElseThrow().contains("Tenants implements CurrentTenantIdentifierResolver"),
        refusal(plan).orElseThrow());
  }

  /**
   * A call reading its tenant from MDC through a qualified name ({@code org.slf4j.MDC.get}) does not run on the pool.
   * (From hostile review 51, its U3.)
   */
  @Test
  void aCallReadingMdcThroughItsQualifiedNameDoesNotRunOnThePool() {
    MigrationPlan plan = new MigrationFixture(dir).java(StreamPipelineLoopsTest.withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(this::fetchTenant).collect(Collectors.toList());
            }

            String fetchTenant(String sku) {
                return fetch(org.slf4j.MDC.get("tenant") + "-" + sku);
            }
        """)).config(WiderLoopShapesTest.loopsOnly()).plan();
    Refusal loop = loopRefusal(plan);
    assertEquals(Proof.LOOP_AHEAD_STATE, loop.proof(), loop.toString());
    // the loop's proof is one for every call that cannot run ahead; that it is the caller's context only the words
    // say (the index's per-user reader names the read before the loop's own reading of the source)
    assertTrue(loop.reason().contains("Quotes.fetchTenant() reads the caller's own context (reads MDC.get(), state bound "
        + "to the calling thread)"), loop.reason());
  }

  /**
   * A pool rewrite's refusal for the caller's context says what the pool thread lacks, not that a cache would serve
   * one user's answer to another. (From hostile review 51, its W1.)
   */
  @Test
  void aPoolRefusalForTheCallersContextSaysWhatThePoolThreadLacks() {
    MigrationPlan plan = new MigrationFixture(dir).java(StreamPipelineLoopsTest.withMethod("""
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().map(this::fetchForUser).collect(Collectors.toList());
            }

            String fetchForUser(String sku) {
                String user = org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication().getName();
                return fetch(user + "-" + sku);
            }
        """)).config(WiderLoopShapesTest.loopsOnly()).plan();
    Refusal loop = loopRefusal(plan);
    assertEquals(Proof.LOOP_AHEAD_STATE, loop.proof(), loop.toString());
    // the case is the words themselves (the false reason was a cache's), so they are asserted
    assertTrue(loop.reason().contains("which a pool thread does not carry"), loop.reason());
    assertTrue(!loop.reason().contains("a cache keyed by its parameters"), loop.reason());
  }

  /** The loop's refusal of a plan that must rewrite no loop. */
  private static Refusal loopRefusal(MigrationPlan plan) {
    assertEquals(List.of(), plan.loops(), "must be refused");
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).findFirst()
        .orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }
}
