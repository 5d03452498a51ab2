package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusal reasons an audit of 30 refusals on real projects found false of the code they named
 * (eladmin, spring-petclinic-rest), each beside the shape where the reason is true.
 */
class TrueRefusalReasonsTest {
  @TempDir Path dir;

  static final String MYSQL_POM = MigrationSafetyTest.SPRING_POM.replace("</dependencies>", """
          <dependency>
            <groupId>com.mysql</groupId>
            <artifactId>mysql-connector-j</artifactId>
            <version>9.1.0</version>
          </dependency>
          <dependency>
            <groupId>org.springframework</groupId>
            <artifactId>spring-tx</artifactId>
            <version>6.2.12</version>
          </dependency>
        </dependencies>""");

  private static final String JOBS = MigrationSafetyTest.bean("JobDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public String nameOf(long id) {
              return jdbc.queryForObject("SELECT name FROM job WHERE id = ?", String.class, id);
          }

          public Long idOf(String name) {
              return jdbc.queryForObject("SELECT id FROM job WHERE name = ?", Long.class, name);
          }

          public void insert(String name) {
              jdbc.update("INSERT INTO job (name) VALUES (?)", name);
          }
      """);

  /** eladmin's JobServiceImpl: create() checks the name is free, then inserts; rename() reads first. */
  private static final String SERVICE = """
      package shop;

      import org.springframework.stereotype.Service;
      import org.springframework.transaction.annotation.Transactional;

      @Service
      public class JobService {
          private final JobDao jobs;

          public JobService(JobDao jobs) {
              this.jobs = jobs;
          }

          @Transactional
          public void create(String name) {
              if (jobs.idOf(name) != null) {
                  throw new IllegalArgumentException(name + " exists");
              }
              jobs.insert(name);
          }

          @Transactional
          public String describe(long id) {
              return jobs.nameOf(id) + " #" + jobs.idOf(jobs.nameOf(id));
          }
      }
      """;

  private static Optional<String> refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst();
  }

  @Test
  void aReadThatIsItsTransactionsFirstIsNoOlderThanItsMiss() throws Exception {
    // create(): idOf is the first read, its snapshot taken at the read; describe(): nameOf reads before idOf
    MigrationPlan plan = new MigrationFixture(dir.resolve("first")).file("pom.xml", MYSQL_POM).java(JOBS).java(SERVICE)
        .plan();
    String idOf = refusal(plan, "idOf").orElse("");
    assertTrue(idOf.contains("inside the transaction of JobService.describe()"), idOf);
    assertFalse(idOf.contains("JobService.create()"), idOf);
    MigrationPlan createOnly = new MigrationFixture(dir.resolve("create")).file("pom.xml", MYSQL_POM).java(JOBS)
        .java(SERVICE.replace("jobs.idOf(jobs.nameOf(id))", "id")).plan();
    assertTrue(refusal(createOnly, "idOf").filter(why -> why.contains("snapshot")).isEmpty(),
        refusal(createOnly, "idOf").orElse("cached"));
  }

  /** spring-petclinic-rest's JdbcUserRepositoryImpl: save() looks the user up first, then inserts or updates. */
  static final String USERS = MigrationSafetyTest.bean("UserDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public void save(String name) {
              if (idOf(name) == null) {
                  jdbc.update("INSERT INTO users (name) VALUES (?)", name);
              } else {
                  jdbc.update("UPDATE users SET seen = seen + 1 WHERE name = ?", name);
              }
          }

          private Long idOf(String name) {
              return jdbc.queryForObject("SELECT id FROM users WHERE name = ?", Long.class, name);
          }

          public int count() {
              return jdbc.queryForObject("SELECT count(*) FROM users", Integer.class);
          }
      """);

  static String userService(String body) {
    return """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class UserService {
            private final UserDao users;

            public UserService(UserDao users) {
                this.users = users;
            }

            @Transactional
            public void saveUser(String name) {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("no name");
                }
        %s    }
        }
        """.formatted(body);
  }

  @Test
  void aReadThatIsTheFirstAccessOfTheMethodTheTransactionCallsFirstIsNoOlderThanItsMiss() throws Exception {
    // saveUser() opens the transaction, calls save() first, and save()'s first access is idOf()
    MigrationPlan plan = new MigrationFixture(dir.resolve("nested")).file("pom.xml", MYSQL_POM).java(USERS)
        .java(userService("        users.save(name);\n")).plan();
    // (still refused, for what is true of it: save() writes its data inside that transaction, and a plain
    // cache has no after-commit hook to evict it by)
    String nested = refusal(plan, "idOf").orElse("cached");
    assertFalse(nested.contains("snapshot"), nested);
    assertTrue(nested.contains("UserDao.save() writes users (update()) but it runs in the transaction of "
        + "UserService.saveUser()"), nested);
    // the same, with a read before save(): that transaction's snapshot predates idOf's read
    MigrationPlan countsFirst = new MigrationFixture(dir.resolve("counts")).file("pom.xml", MYSQL_POM).java(USERS)
        .java(userService("        if (users.count() < 1000) {\n            users.save(name);\n        }\n")).plan();
    String why = refusal(countsFirst, "idOf").orElse("cached");
    assertTrue(why.contains("inside the transaction of UserService.saveUser()"), why);
  }

  @Test
  void anOverloadOfTheSameNameIsNotTheMethodACachedCallerCalls() throws Exception {
    String dao = MigrationSafetyTest.bean("OwnerDao", "Repository", "import org.springframework.stereotype.Repository;", """
            public java.util.List<String> findByLastName(String name) {
                return jdbc.queryForList("SELECT name FROM owner WHERE last_name = ?", String.class, name);
            }

            public java.util.List<String> findByLastName(String name, int limit) {
                return jdbc.queryForList("SELECT name FROM owner WHERE last_name = ? LIMIT ?", String.class, name, limit);
            }
        """);
    String service = """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Owners {
            private final OwnerDao owners;

            public Owners(OwnerDao owners) {
                this.owners = owners;
            }

            public java.util.List<String> firstTen(String name) {
                return owners.findByLastName(name, 10);
            }
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("overload")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(dao).java(service).plan();
    String limited = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().equals("findByLastName(String, int)"))
        .map(Refusal::reason).findFirst().orElse("");
    assertTrue(limited.contains("called by Owners.firstTen()"), limited);
    String plain = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().equals("findByLastName(String)"))
        .map(Refusal::reason).findFirst().orElse("cached");
    assertFalse(plain.contains("called by Owners.firstTen()"), plain);
  }

  /** A config row whose getters Lombok writes: the solver cannot type getPack(), as on eladmin's GenConfig. */
  private static final String CONFIG = """
      package shop;

      @lombok.Data
      public class GenConfig {
          private String pack;
          private String module;
      }
      """;

  private static final String CONFIGS = MigrationSafetyTest.bean("ConfigDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public GenConfig find(String table) {
              return jdbc.queryForObject("SELECT pack, module FROM gen_config WHERE table_name = ?",
                  (rs, n) -> { GenConfig c = new GenConfig(); c.setPack(rs.getString(1)); c.setModule(rs.getString(2)); return c; },
                  table);
          }
      """);

  private static String generator(String use) {
    return """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Generator {
            private final ConfigDao configs;

            public Generator(ConfigDao configs) {
                this.configs = configs;
            }

            public String path(String table) {
                GenConfig config = configs.find(table);
                %s
            }
        }
        """.formatted(use);
  }

  @Test
  void aStringReplaceOnAValueReadFromTheResultChangesNothingEvenUntyped() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("replace")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(CONFIG).java(CONFIGS).java(generator("return config.getModule() + \"/\" + config.getPack().replace(\".\", \"/\");"))
        .plan();
    assertTrue(refusal(plan, "find").filter(why -> why.contains("replace")).isEmpty(), refusal(plan, "find").orElse(""));
    // the result changed for real: a setter on it
    MigrationPlan changed = new MigrationFixture(dir.resolve("set")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(CONFIG).java(CONFIGS).java(generator("config.setPack(config.getPack().replace(\".\", \"/\"));\n"
            + "        return config.getPack();")).plan();
    assertTrue(refusal(changed, "find").filter(why -> why.contains("setPack")).isPresent(),
        refusal(changed, "find").orElse("cached"));
  }

  /** eladmin's GenUtil.getAdminFilePath: a static helper the config is handed to, off the caller. */
  private static final String PATHS = """
      package shop;

      import java.io.File;

      public final class GenPaths {
          private GenPaths() {
          }

          static String adminPath(GenConfig config, String root) {
              return root + config.getPack().replace(".", File.separator) + File.separator;
          }

          static String modePath(GenConfig config, String mode) {
              return config.getProps().replace("mode", File.separator + mode);
          }
      }
      """;

  @Test
  void anUntypedStringReplaceInAHelperTheResultIsHandedToChangesNothingWhateverItsArguments() throws Exception {
    String config = CONFIG.replace("private String module;", "private String module;\n    private java.util.Map<String, String> props;");
    MigrationPlan plan = new MigrationFixture(dir.resolve("helper")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(config).java(CONFIGS).java(PATHS).java(generator("return GenPaths.adminPath(config, \"src/\");")).plan();
    assertTrue(refusal(plan, "find").filter(why -> why.contains("replace")).isEmpty(), refusal(plan, "find").orElse(""));
    // the same helper shape on a Map field: Map.replace changes the map the cached config holds
    MigrationPlan map = new MigrationFixture(dir.resolve("map")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(config).java(CONFIGS).java(PATHS).java(generator("return GenPaths.modePath(config, table);")).plan();
    assertTrue(refusal(map, "find").filter(why -> why.contains("modePath(), which changes it (replace()")).isPresent(),
        refusal(map, "find").orElse("cached"));
  }

  private static final String DEPT = """
      package shop;

      public class Dept {
          private Long id;
          private String name;

          public Long getId() {
              return id;
          }

          public void setId(Long id) {
              this.id = id;
          }

          public String getName() {
              return name;
          }
      }
      """;

  private static final String DEPTS = MigrationSafetyTest.bean("DeptDao", "Repository", """
      import java.util.HashSet;
      import java.util.Set;
      import org.springframework.jdbc.core.BeanPropertyRowMapper;
      import org.springframework.stereotype.Repository;""", """
          public Set<Dept> findByRoleId(Long roleId) {
              return new HashSet<>(jdbc.query("SELECT id FROM dept WHERE role_id = ?",
                  BeanPropertyRowMapper.newInstance(Dept.class), roleId));
          }
      """);

  /**
   * eladmin's DataServiceImpl.getCustomize and AuthController.login: a helper fills the set it is
   * handed from the result and returns that set, which becomes part of the principal.
   *
   * @param kept the set's element type
   * @param added what the helper adds for each dept
   */
  private static String scopes(String kept, String added) {
    return """
        package shop;

        import java.util.HashSet;
        import java.util.List;
        import java.util.Set;
        import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
        import org.springframework.security.core.context.SecurityContextHolder;
        import org.springframework.stereotype.Service;

        @Service
        public class DataScopes {
            private final DeptDao depts;

            public DataScopes(DeptDao depts) {
                this.depts = depts;
            }

            public Set<%1$s> customize(Set<%1$s> kept, Long roleId) {
                Set<Dept> found = depts.findByRoleId(roleId);
                for (Dept dept : found) {
                    kept.add(%2$s);
                }
                return kept;
            }

            public void login(Long roleId) {
                Set<%1$s> scope = customize(new HashSet<>(), roleId);
                SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(scope, null, List.of()));
            }
        }
        """.formatted(kept, added);
  }

  @Test
  void aSetFilledWithIdsReadFromTheResultAndReturnedDoesNotHoldTheResult() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("ids")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(DEPT).java(DEPTS).java(scopes("Long", "dept.getId()")).plan();
    assertTrue(refusal(plan, "findByRoleId").filter(why -> why.contains("returns the result it gets")).isEmpty(),
        refusal(plan, "findByRoleId").orElse(""));
    // the set receives the depts themselves: the principal holds the cached objects
    MigrationPlan held = new MigrationFixture(dir.resolve("depts")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(DEPT).java(DEPTS).java(scopes("Dept", "dept")).plan();
    assertTrue(refusal(held, "findByRoleId").filter(why -> why.contains("DataScopes.customize() returns the result it "
        + "gets, and DataScopes.login() makes the result it gets an authenticated principal")).isPresent(),
        refusal(held, "findByRoleId").orElse("cached"));
  }

  /** eladmin's Dept: a JPA entity whose roles are lazy. */
  private static final String DEPT_ENTITY = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.OneToMany;
      import java.util.HashSet;
      import java.util.Set;

      @Entity
      public class Dept {
          @Id
          private Long id;
          @OneToMany(mappedBy = "dept")
          private Set<Role> roles = new HashSet<>();

          public Long getId() {
              return id;
          }

          public void setId(Long id) {
              this.id = id;
          }

          public Set<Role> getRoles() {
              return roles;
          }
      }
      """;

  private static final String ROLE_ENTITY = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;

      @Entity
      public class Role {
          @Id
          private Long id;
      }
      """;

  /** eladmin's DataServiceImpl.getDeptIds: the set the helper returns goes into Redis, a library optkit cannot see into. */
  private static String redisScopes(String kept, String added) {
    return """
        package shop;

        import java.util.HashSet;
        import java.util.Set;
        import org.springframework.data.redis.core.RedisTemplate;
        import org.springframework.stereotype.Service;

        @Service
        public class DataScopes {
            private final DeptDao depts;
            private final RedisTemplate<String, Object> redis;

            public DataScopes(DeptDao depts, RedisTemplate<String, Object> redis) {
                this.depts = depts;
                this.redis = redis;
            }

            public Set<%1$s> customize(Set<%1$s> kept, Long roleId) {
                for (Dept dept : depts.findByRoleId(roleId)) {
                    kept.add(%2$s);
                }
                return kept;
            }

            public int remember(Long roleId) {
                Set<%1$s> scope = customize(new HashSet<>(), roleId);
                redis.opsForValue().set("scope:" + roleId, scope);
                return scope.size();
            }
        }
        """.formatted(kept, added);
  }

  @Test
  void aSetOfIdsReadFromAnEntityAndReturnedReachesNoneOfItsLazyAssociations() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("ids")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(DEPT_ENTITY).java(ROLE_ENTITY).java(DEPTS).java(redisScopes("Long", "dept.getId()")).plan();
    assertTrue(refusal(plan, "findByRoleId").filter(why -> why.contains("customize() returns it")).isEmpty(),
        refusal(plan, "findByRoleId").orElse(""));
    // the set holds the entities: Redis serialises them, lazy roles and all
    MigrationPlan held = new MigrationFixture(dir.resolve("depts")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(DEPT_ENTITY).java(ROLE_ENTITY).java(DEPTS).java(redisScopes("Dept", "dept")).plan();
    assertTrue(refusal(held, "findByRoleId").filter(why -> why.contains("DataScopes.customize() returns it, and "
        + "DataScopes.remember() passes it to set(), which optkit cannot see into")).isPresent(),
        refusal(held, "findByRoleId").orElse("cached"));
  }

  /** ddd-example-ecommerce's Amount: a final class of one final int, whose ZERO every caller shares. */
  private static final String AMOUNT = """
      package shop;

      public final class Amount {
          public static final Amount ZERO = new Amount(0);
          private %s int value;

          public Amount(int value) {
              this.value = value;
          }
      %s}
      """;

  private static final String STOCK = MigrationSafetyTest.bean("StockDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Amount leftInStock(String product) {
              Integer amount = jdbc.queryForObject("SELECT amount FROM stock WHERE product = ?", Integer.class, product);
              return amount == null ? Amount.ZERO : new Amount(amount);
          }
      """);

  private static java.util.List<String> cached(MigrationPlan plan) {
    return plan.targets().stream().map(t -> t.method().fact().name()).toList();
  }

  private static Optional<Proof> refusedBy(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::proof).findFirst();
  }

  /**
   * A constant of a class whose objects never change ({@code Amount.ZERO}) is a value, like a string constant; the
   * same constant of a class with a setter is state any code may change under the cache.
   */
  @Test
  void aConstantOfAnUnchangeableProjectClassIsNoStateTheKeyMisses() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("final")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(AMOUNT.formatted("final", "")).java(STOCK).plan();
    assertEquals(java.util.List.of("leftInStock"), cached(plan), plan.refusals().toString());
    MigrationPlan settable = new MigrationFixture(dir.resolve("set")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(AMOUNT.formatted("", "    public void setValue(int value) { this.value = value; }\n")).java(STOCK).plan();
    assertEquals(Optional.of(Proof.KEY_MISSES_STATE), refusedBy(settable, "leftInStock"), cached(settable).toString());
  }

  /** ddd-example-ecommerce's ProductsJdbc: a query object with a settable range, made for each call. */
  private static final String QUERY = """
      package shop;

      import java.util.List;
      import java.util.Set;
      import org.springframework.jdbc.core.JdbcTemplate;

      final class NameQuery {
          private final JdbcTemplate jdbc;
          private final String kind;
          private final Set<String> hidden;
          private int limit = 100;

          NameQuery(JdbcTemplate jdbc, String kind, Set<String> hidden) {
              this.jdbc = jdbc;
              this.kind = kind;
              this.hidden = hidden;
          }

          NameQuery limit(int limit) {
              this.limit = limit;
              return this;
          }

          List<String> run() {
              return jdbc.queryForList("SELECT name FROM item WHERE kind = ? LIMIT ?", String.class, kind, limit)
                  .stream().filter(name -> !hidden.contains(name)).toList();
          }
      }
      """;

  private static String names(String hidden) {
    return MigrationSafetyTest.bean("ItemDao", "Repository", """
        import java.util.HashSet;
        import java.util.List;
        import java.util.Set;
        import org.springframework.stereotype.Repository;""", """
            private final Set<String> hidden = new HashSet<>();

            public void hide(String name) {
                hidden.add(name);
            }

            public List<String> names(String kind) {
                return new NameQuery(jdbc, kind, %s).run();
            }
        """.formatted(hidden));
  }

  /**
   * An object the read makes for itself ({@code new NameQuery(..).run()}) is no object shared between calls: its
   * own fields ({@code limit}, which a setter changes on other objects) are as its construction made them. What its
   * constructor is handed may be: a set of the DAO's that {@code hide} fills is state the key misses.
   */
  @Test
  void anObjectTheReadMakesIsNotSharedButWhatItIsHandedMayBe() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("own")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(QUERY).java(names("Set.of()")).plan();
    assertEquals(java.util.List.of("names"), cached(plan), plan.refusals().toString());
    MigrationPlan handed = new MigrationFixture(dir.resolve("handed")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(QUERY).java(names("hidden")).plan();
    assertFalse(cached(handed).contains("names"), handed.refusals().toString());
    // the made object's own method fills the set it was handed (a hostile review's C1), or reads a field of a bean it
    // was handed that another class assigns (C2b): each is state of the DAO's, which the key misses
    MigrationPlan filled = new MigrationFixture(dir.resolve("filled")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(QUERY.replace("    NameQuery limit(int limit) {", "    void hide(String name) {\n        hidden.add(name);\n    }\n\n    NameQuery limit(int limit) {"))
        .java(names("hidden").replace("hidden.add(name);", "new NameQuery(jdbc, \"\", hidden).hide(name);")).plan();
    assertEquals(Optional.of(Proof.KEY_MISSES_STATE), refusedBy(filled, "names"), cached(filled).toString());
    MigrationPlan bean = new MigrationFixture(dir.resolve("bean")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;
            public class Settings {
                public int limit = 100;
            }
            """).java("""
            package shop;
            public class Admin {
                private final Settings settings;
                public Admin(Settings settings) { this.settings = settings; }
                public void change(int limit) { settings.limit = limit; }
            }
            """).java(QUERY.replace("private int limit = 100;", "private final Settings settings;")
            .replace("Set<String> hidden) {", "Set<String> hidden, Settings settings) {\n        this.settings = settings;")
            .replace("kind, limit)", "kind, settings.limit)").replace("""
                NameQuery limit(int limit) {
                    this.limit = limit;
                    return this;
                }
            """, ""))
        .java(names("Set.of()").replace("private final Set<String> hidden = new HashSet<>();",
            "private final Set<String> hidden = new HashSet<>();\n    private Settings settings;")
            .replace("kind, Set.of())", "kind, Set.of(), settings)")).plan();
    assertEquals(Optional.of(Proof.KEY_MISSES_STATE), refusedBy(bean, "names"), cached(bean).toString());
  }
}
