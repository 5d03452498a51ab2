package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside Spring Boot, the caching proxy of a bean implementing an interface is a JDK proxy of that interface:
 * a lookup by the bean's class then fails ({@code NoSuchBeanDefinitionException}, hostile review 97's side finding
 * on J1, proven on its project). A lookup by the interface is what the proxy answers.
 */
class PlainSpringLookupsTest {
  @TempDir Path dir;

  private static final String DAO = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class CountryDao implements Countries {
          private final JdbcTemplate jdbc;

          public CountryDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          @Override
          public String countryName(String code) {
              return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
          }
      }
      """;

  private static final String CONFIG = """
      package shop;

      import org.springframework.context.annotation.ComponentScan;
      import org.springframework.context.annotation.Configuration;

      @Configuration
      @ComponentScan
      public class AppConfig {
      }
      """;

  /** Project lookup helpers: get hands its Class on to getBean, create a cast of its parameter. */
  private static final String BEANS_HELPERS = """
      package shop;

      import org.springframework.context.annotation.AnnotationConfigApplicationContext;

      public class Beans {
          private static final AnnotationConfigApplicationContext CONTEXT = new AnnotationConfigApplicationContext(AppConfig.class);

          public static <T> T get(Class<T> wanted) {
              return CONTEXT.getBean(wanted);
          }

          public static Object create(Object wanted) {
              return CONTEXT.getBean((Class<?>) wanted);
          }
      }
      """;

  private MigrationPlan plan(String pom, String lookup) {
    return shop(pom)
        .java("""
            package shop;

            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Main {
                public static void main(String[] args) {
                    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class)) {
                        System.out.println(%s.countryName(args[0]));
                    }
                }
            }
            """.formatted(lookup))
        .plan();
  }

  /** The project every case starts from: the Countries interface, CountryDao implementing it, and AppConfig's scan. */
  private MigrationFixture shop(String pom) {
    return new MigrationFixture(dir).file("pom.xml", pom)
        .java("package shop;\n\npublic interface Countries {\n    String countryName(String code);\n}\n")
        .java(DAO).java(CONFIG);
  }

  private static boolean cached(MigrationPlan plan) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CountryDao.countryName"));
  }

  private static String reason(MigrationPlan plan) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("countryName("))
        .map(dev.optkit.rewriters.caching.Refusal::reason).findFirst().orElse("(no refusal)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"context.getBean(CountryDao.class)", "context.getBean(shop.CountryDao.class)",
      "context.getBean(\"countryDao\", CountryDao.class)", "((CountryDao) context.getBean(\"countryDao\"))",
      "context.getBeanProvider(CountryDao.class).getObject()",
      "org.springframework.beans.factory.BeanFactoryUtils.beanOfTypeIncludingAncestors(context, CountryDao.class)"})
  void aLookupByTheBeansClassRefusesOutsideBoot(String lookup) {
    MigrationPlan plan = plan(MigrationSafetyTest.SPRING_POM, lookup);
    assertTrue(!cached(plan), "cached although looked up by its class: " + lookup);
    // a cast of the lookup's answer is named as the cast
    assertTrue(reason(plan).matches("CountryDao implements interfaces and is (looked up by its class|cast to its class "
        + "or tested for it) \\(Main\\.main: .*"), reason(plan));
  }

  /** Injected as its interface, then cast to the class or tested for it: a JDK proxy is neither. */
  @ParameterizedTest
  @ValueSource(strings = {"((CountryDao) context.getBean(Countries.class))",
      "(context.getBean(Countries.class) instanceof CountryDao ? context.getBean(Countries.class) : null)"})
  void aCastOrTestForTheBeansClassRefusesOutsideBoot(String lookup) {
    MigrationPlan plan = plan(MigrationSafetyTest.SPRING_POM, lookup);
    assertTrue(!cached(plan), "cached although cast to its class: " + lookup);
    assertTrue(reason(plan).contains("CountryDao implements interfaces and is "), reason(plan));
  }

  /** A lookup by the bean's name says so: the class is named nowhere in it, its answer may be cast to the class. */
  @Test
  void aLookupByTheBeansNameSaysItIsByName() {
    MigrationPlan plan = plan(MigrationSafetyTest.SPRING_POM, "((Countries) context.getBean(\"countryDao\"))");
    assertTrue(!cached(plan), "cached although looked up by its name");
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is looked up by its bean name (Main.main: "),
        reason(plan));
  }

  /** A cast into a local (no call's text holds it), or a pattern test: read from the file's tree (review 97's gap). */
  @ParameterizedTest
  @ValueSource(strings = {"CountryDao dao = (CountryDao) countries;\n        System.out.println(dao.countryName(args[0]));",
      "if (countries instanceof CountryDao dao) {\n            System.out.println(dao.countryName(args[0]));\n        }"})
  void aCastIntoALocalRefusesOutsideBoot(String use) {
    MigrationPlan plan = planWithMain("import org.springframework.context.annotation.AnnotationConfigApplicationContext;",
        "Countries countries = new AnnotationConfigApplicationContext(AppConfig.class).getBean(Countries.class);\n        "
            + use);
    assertTrue(!cached(plan), "cached although cast to its class: " + use);
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is cast to its class or tested for it "
        + "(Main.main: "), reason(plan));
  }

  /** Another package's class of the same simple name is not the bean: casting to it refuses nothing. */
  @Test
  void aCastToAnotherClassOfTheSameNameIsNoCastToTheBean() {
    MigrationPlan plan = shop(MigrationSafetyTest.SPRING_POM)
        .java("package legacy;\n\npublic class CountryDao {\n}\n")
        .java("""
            package shop;

            import legacy.CountryDao;
            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Main {
                public static void main(String[] args) {
                    Countries countries = new AnnotationConfigApplicationContext(AppConfig.class).getBean(Countries.class);
                    Object old = args.length > 9 ? (CountryDao) null : null;
                    System.out.println(countries.countryName(args[0]) + old + (args.length > 9 ? (CountryDao) null : ""));
                }
            }
            """)
        .plan();
    assertTrue(cached(plan), reason(plan));
  }

  /**
   * Injection points beside fields and constructors (hostile review 34's 1-4, each proven failing at start-up by the
   * reviewer): an autowired method, a setter XML's {@code <property ref>} calls, and a field whose type argument is
   * the class ({@code List<CountryDao>}, {@code ObjectProvider<CountryDao>}).
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "@org.springframework.beans.factory.annotation.Autowired\n    public void init(CountryDao dao) { this.dao = dao; }",
      "public void setDao(CountryDao dao) { this.dao = dao; }",
      "@org.springframework.beans.factory.annotation.Autowired\n    private java.util.List<CountryDao> all;",
      "@org.springframework.beans.factory.annotation.Autowired\n    private org.springframework.beans.factory.ObjectProvider<CountryDao> provider;"})
  void anInjectionByTheClassBesideFieldsAndConstructorsRefuses(String member) {
    MigrationPlan plan = shop(MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            @org.springframework.stereotype.Component
            public class Report {
                private Countries dao;

                %s

                public void print(String code) {
                    System.out.println("country: " + dao.countryName(code));
                }
            }
            """.formatted(member))
        .plan();
    assertTrue(!cached(plan), "cached although injected by its class: " + member);
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is injected by its class (Report."),
        plan.refusals().stream().map(r -> r.finding().enclosingMethod() + " => " + r.reason()).toList().toString());
  }

  /**
   * Another package's {@code CountryDao} looked up by its class, or as a constructor's type argument, is no lookup
   * of the bean (hostile review 34's 9 and 11: refused, citing the other class).
   */
  @ParameterizedTest
  @ValueSource(strings = {"Object old = context.getBean(CountryDao.class);",
      "Object old = new Holder(java.util.List.of());"})
  void theSameSimpleNameOfAnotherPackageIsNoLookupOfTheBean(String line) {
    MigrationPlan plan = shop(MigrationSafetyTest.SPRING_POM)
        .java("package legacy;\n\npublic class CountryDao {\n}\n")
        .java(!line.contains("Holder") ? "package shop;\n\nclass Holder {\n}\n" : """
            package shop;

            import java.util.List;
            import legacy.CountryDao;

            @org.springframework.stereotype.Component
            public class Holder {
                private final List<CountryDao> olds;

                public Holder(List<CountryDao> olds) {
                    this.olds = olds;
                }
            }
            """)
        .java("""
            package shop;

            import legacy.CountryDao;
            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Main {
                public static void main(String[] args) {
                    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);
                    %s
                    System.out.println(context.getBean(Countries.class).countryName(args[0]) + old);
                }
            }
            """.formatted(line))
        .plan();
    assertTrue(cached(plan), reason(plan));
  }

  private MigrationPlan planWithMain(String imports, String body) {
    return shop(MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            %s

            public class Main {
                public static void main(String[] args) {
                    %s
                }
            }
            """.formatted(imports, body))
        .plan();
  }

  /** Class proxies forced by the Java configuration: the lookup by the class finds a class proxy (review 34's 12). */
  @Test
  void classProxiesForcedInTheConfigurationAnswerALookupByTheClass() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("package shop;\n\npublic interface Countries {\n    String countryName(String code);\n}\n")
        .java(DAO).java(CONFIG.replace("@ComponentScan\n", "@ComponentScan\n"
            + "@org.springframework.context.annotation.EnableAspectJAutoProxy(proxyTargetClass = true)\n"))
        .java("""
            package shop;

            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Main {
                public static void main(String[] args) {
                    System.out.println(new AnnotationConfigApplicationContext(AppConfig.class).getBean(CountryDao.class)
                        .countryName(args[0]));
                }
            }
            """)
        .plan();
    assertTrue(cached(plan), reason(plan));
  }

  @Test
  void aLookupByTheInterfaceIsWhatTheProxyAnswers() {
    assertTrue(cached(plan(MigrationSafetyTest.SPRING_POM, "context.getBean(Countries.class)")), "refused");
  }

  @Test
  void aContextTheCodeMakesItselfHasJdkProxiesInABootProjectToo() {
    String boot = MigrationSafetyTest.SPRING_POM.replace("<dependencies>", """
        <parent>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-parent</artifactId>
          <version>3.5.6</version>
        </parent>
        <dependencies>""");
    assertTrue(!cached(plan(boot, "context.getBean(CountryDao.class)")), "cached");
  }

  /** The class literal kept in a local or a constant first, then handed to the lookup (hostile review 34). */
  @ParameterizedTest
  @ValueSource(strings = {"Class<CountryDao> type = CountryDao.class;\n        System.out.println(context.getBean(type).countryName(args[0]));",
      "Class<?> type;\n        type = CountryDao.class;\n        System.out.println(((Countries) context.getBean(type)).countryName(args[0]));"})
  void aLookupByAClassHeldInAVariableRefusesOutsideBoot(String use) {
    MigrationPlan plan = planWithMain("import org.springframework.context.annotation.AnnotationConfigApplicationContext;",
        "AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);\n        "
            + use);
    assertTrue(!cached(plan), "cached although looked up by its class: " + use);
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is looked up by its class (Main.main: "
        + "context.getBean(type), where type holds CountryDao.class)"), reason(plan));
  }

  /** A project helper hands the class it is given to getBean: the caller's literal is a lookup by the class. */
  @Test
  void aClassHandedToAHelperThatLooksItUpRefusesOutsideBoot() {
    MigrationPlan plan = shop(MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Beans {
                private static final AnnotationConfigApplicationContext CONTEXT = new AnnotationConfigApplicationContext(AppConfig.class);

                public static <T> T bean(Class<T> wanted) {
                    return CONTEXT.getBean(wanted);
                }
            }
            """)
        .java("""
            package shop;

            public class Main {
                public static void main(String[] args) {
                    System.out.println(Beans.bean(CountryDao.class).countryName(args[0]));
                }
            }
            """)
        .plan();
    assertTrue(!cached(plan), "cached although looked up by its class through Beans.bean");
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is looked up by its class (Main.main: "
        + "Beans.bean(CountryDao.class), which looks it up (Beans.bean: CONTEXT.getBean(wanted))"), reason(plan));
  }

  /** A class literal handed to a method that does no lookup with it (a logger, a helper of the project) is no lookup. */
  @Test
  void aClassLiteralHandedElsewhereRefusesNothing() {
    MigrationPlan plan = planWithMain("import org.springframework.context.annotation.AnnotationConfigApplicationContext;",
        "AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);\n        "
            + "Class<?> type = CountryDao.class;\n        System.out.println(type.getSimpleName() + name(CountryDao.class) "
            + "+ context.getBean(Countries.class).countryName(args[0]));\n    }\n\n    static String name(Class<?> type) {\n"
            + "        return type.getName();");
    assertTrue(cached(plan), reason(plan));
  }

  /** The class literal kept in a map, and the lookup by what the map hands out (the plain-Spring review of 2026-11-29, f6). */
  @Test
  void aClassKeptInACollectionBesideALookupByAHeldClassRefusesOutsideBoot() {
    MigrationPlan plan = planWithMain("import java.util.Map;\nimport org.springframework.context.annotation.AnnotationConfigApplicationContext;",
        "AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);\n        "
            + "Map<String, Class<?>> types = Map.of(\"countries\", CountryDao.class);\n        "
            + "System.out.println(((Countries) context.getBean(types.get(\"countries\"))).countryName(args[0]));");
    assertTrue(!cached(plan), "cached although looked up by a class from a map");
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is looked up by its class (CountryDao.class is "
        + "kept in a collection (Main.main: Map.of(\"countries\", CountryDao.class)), and Main.main looks a bean up by a "
        + "class it holds: context.getBean(types.get(\"countries\")))"), reason(plan));
    // the same map beside lookups that name their class: nothing the map holds is looked up
    MigrationPlan named = new MigrationFixture(dir.resolve("named")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("package shop;\n\npublic interface Countries {\n    String countryName(String code);\n}\n")
        .java(DAO).java(CONFIG).java("""
            package shop;

            import java.util.Map;
            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Main {
                public static void main(String[] args) {
                    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);
                    Map<String, Class<?>> types = Map.of("countries", CountryDao.class);
                    System.out.println(types.size() + context.getBean(Countries.class).countryName(args[0]));
                }
            }
            """).plan();
    assertTrue(cached(named), reason(named));
  }

  /**
   * A map's {@code get(CountryDao.class)} beside a project helper {@code Beans.get(Class)} that looks beans up: the map
   * is no helper (the plain-Spring review of 2026-11-29, f15, a false refusal); a call of the helper still refuses.
   */
  @ParameterizedTest
  @ValueSource(strings = {"LABELS.get(CountryDao.class)", "Beans.get(CountryDao.class).countryName(\"x\")"})
  void aMapsGetIsNoLookupHelperOfTheSameName(String use) {
    MigrationPlan plan = shop(MigrationSafetyTest.SPRING_POM).java(BEANS_HELPERS).java("""
        package shop;

        import java.net.URI;
        import java.util.Map;

        public class Labels {
            private static final Map<Class<?>, String> LABELS = Map.of(CountryDao.class, "Countries");

            public static String label() {
                return String.valueOf(%s);
            }

            public static void main(String[] args) {
                System.out.println(label() + Beans.get(Countries.class).countryName(args[0]));
            }
        }
        """.formatted(use)).plan();
    assertTrue(use.startsWith("LABELS") == cached(plan), use + ": " + reason(plan));
  }

  /**
   * A lookup by a class the code computes: any bean implementing interfaces may be the one looked up (the hostile
   * review of 2026-11-29, hr36's l1-l4 and l7, each failing with NoSuchBeanDefinitionException after apply): a switch
   * answering class literals, a map of another class, a record's component, Class.forName, a method reference.
   */
  @ParameterizedTest
  @ValueSource(strings = {"((Countries) context.getBean(typeOf(args[0]))).countryName(args[0])",
      "((Countries) context.getBean(Types.BY_KIND.get(args[0]))).countryName(args[0])",
      "((Countries) context.getBean(new Route(CountryDao.class).type())).countryName(args[0])",
      "((Countries) context.getBean(Class.forName(args[1]))).countryName(args[0])",
      "java.util.stream.Stream.of(typeOf(args[0])).map(context::getBean).findFirst().orElseThrow()"})
  void aLookupByAComputedClassRefusesOutsideBoot(String use) {
    MigrationPlan plan = shop(MigrationSafetyTest.SPRING_POM).java("""
        package shop;

        import java.util.Map;

        public final class Types {
            public static final Map<String, Class<?>> BY_KIND = Map.of("countries", CountryDao.class);

            private Types() {
            }
        }
        """).java("package shop;\n\npublic record Route(Class<?> type) {\n}\n").java("""
        package shop;

        import org.springframework.context.annotation.AnnotationConfigApplicationContext;

        public class Main {
            static Class<?> typeOf(String kind) {
                return switch (kind) {
                    case "countries" -> CountryDao.class;
                    default -> Countries.class;
                };
            }

            public static void main(String[] args) throws Exception {
                AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);
                System.out.println(%s);
            }
        }
        """.formatted(use)).plan();
    assertTrue(!cached(plan), "cached although looked up by a computed class: " + use);
    assertTrue(reason(plan).contains("CountryDao implements interfaces") && (reason(plan).contains("computes")
        || reason(plan).contains("looked up by its class")), reason(plan));
  }

  /**
   * A lookup by a type made of class literals alone ({@code ResolvableType.forClass(..)}) looks those classes up: the
   * interface's is what the proxy answers, the bean's class's is refused (halo's regression run).
   */
  @ParameterizedTest
  @ValueSource(strings = {"Countries", "CountryDao"})
  void aLookupByATypeMadeOfLiteralsLooksThoseUp(String looked) {
    MigrationPlan plan = planWithMain("import org.springframework.context.annotation.AnnotationConfigApplicationContext;\n"
        + "import org.springframework.core.ResolvableType;",
        "AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);\n        "
            + "System.out.println(((Countries) context.getBeanProvider(ResolvableType.forClass(" + looked
            + ".class)).getObject()).countryName(args[0]));");
    assertTrue(cached(plan) == looked.equals("Countries"), looked + ": " + reason(plan));
  }

  /** A map's get through {@code this.labels} or a {@code var} is no lookup helper either (hr36's fr1, fr2). */
  @ParameterizedTest
  @ValueSource(strings = {"this.labels.get(CountryDao.class)", "local", "java.net.URI.create(args[0])", "mockito"})
  void aMapThroughAFieldOrAVarIsNoLookupHelper(String use) {
    // and URI.create(..) beside a project helper create(Class): a type's static method (halo's regression run)
    String body = use.equals("local") ? "var labels = new java.util.HashMap<Class<?>, String>();\n"
        + "        return String.valueOf(labels.get(CountryDao.class));"
        : use.startsWith("java.net") ? "String[] args = {\"x\"};\n        return String.valueOf(URI.create(args[0]));"
        // a check of a mock's call, as halo's tests make them: verify(..).create(..) runs no project code
        : use.equals("mockito") ? "Object mock = new Object();\n        "
            + "org.mockito.Mockito.verify(mock).create(labels.get(Countries.class));\n        return \"\";"
        : "return String.valueOf(" + use + ");";
    MigrationPlan plan = shop(MigrationSafetyTest.SPRING_POM).java(BEANS_HELPERS).java("""
        package shop;

        import java.net.URI;
        import java.util.Map;

        public class Labels {
            private final Map<Class<?>, String> labels = Map.of(Countries.class, "Countries");

            public String label() {
                %s
            }

            public static void main(String[] args) {
                System.out.println(new Labels().label() + Beans.get(Countries.class).countryName(args[0]));
            }
        }
        """.formatted(body)).plan();
    assertTrue(cached(plan), use + ": " + reason(plan));
  }

  /** The class literal kept in another class's constant, which the lookup names (the review's f6b). */
  @Test
  void aClassKeptInAnotherClassesConstantRefusesWhereTheConstantIsLookedUp() {
    MigrationFixture project = shop(MigrationSafetyTest.SPRING_POM).java("""
        package shop;

        public final class BeanTypes {
            public static final Class<CountryDao> COUNTRIES = CountryDao.class;

            private BeanTypes() {
            }
        }
        """);
    MigrationPlan plan = project.java("""
        package shop;

        import org.springframework.context.annotation.AnnotationConfigApplicationContext;

        public class Main {
            public static void main(String[] args) {
                AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(AppConfig.class);
                System.out.println(context.getBean(BeanTypes.COUNTRIES).countryName(args[0]));
            }
        }
        """).plan();
    assertTrue(!cached(plan), "cached although looked up by a constant of another class");
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is looked up by its class (Main.main: "
        + "context.getBean(BeanTypes.COUNTRIES), where BeanTypes.COUNTRIES holds CountryDao.class)"), reason(plan));
  }

  private MigrationPlan planWithTest(String pom, String test) {
    return shop(pom)
        .java("""
            package shop;

            import org.springframework.context.annotation.AnnotationConfigApplicationContext;

            public class Main {
                public static void main(String[] args) {
                    System.out.println(new AnnotationConfigApplicationContext(AppConfig.class).getBean(Countries.class)
                        .countryName(args[0]));
                }
            }
            """)
        .file("src/test/java/shop/CountryTest.java", test)
        .plan();
  }

  /**
   * A test context SpringExtension makes from the test's default configuration (a static nested @Configuration, no
   * annotation naming one), or one a @Nested class inherits from the class around it: its field of the bean's class
   * is injected from a context with JDK proxies (hostile review 34).
   */
  @ParameterizedTest
  @ValueSource(strings = {"""
      package shop;

      import org.junit.jupiter.api.extension.ExtendWith;
      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.context.annotation.ComponentScan;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.test.context.junit.jupiter.SpringExtension;

      @ExtendWith(SpringExtension.class)
      class CountryTest {
          @Configuration
          @ComponentScan("shop")
          static class Config {
          }

          @Autowired
          CountryDao dao;
      }
      """, """
      package shop;

      import org.junit.jupiter.api.Nested;
      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

      @SpringJUnitConfig(AppConfig.class)
      class CountryTest {
          @Nested
          class Lookups {
              @Autowired
              CountryDao dao;
          }
      }
      """})
  void aFieldOfTheBeansClassInATestSpringInjectsRefuses(String test) {
    MigrationPlan plan = planWithTest(MigrationSafetyTest.SPRING_POM, test);
    assertTrue(!cached(plan), "cached although a Spring test injects it by its class");
    assertTrue(reason(plan).matches("CountryDao implements interfaces and is injected by its class \\((CountryTest|Lookups)"
        + "\\.dao\\): .*"), reason(plan));
  }

  /** A plain Spring test context in a Boot project makes JDK proxies: its lookup by the class fails (hostile review 34). */
  @Test
  void aLookupByTheClassInAPlainSpringTestOfABootProjectRefuses() {
    String boot = MigrationSafetyTest.SPRING_POM.replace("<dependencies>", """
        <parent>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-parent</artifactId>
          <version>3.5.6</version>
        </parent>
        <dependencies>""");
    MigrationPlan plan = planWithTest(boot, """
        package shop;

        import org.junit.jupiter.api.Test;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.context.ApplicationContext;
        import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

        @SpringJUnitConfig(AppConfig.class)
        class CountryTest {
            @Autowired
            ApplicationContext context;

            @Test
            void findsTheName() {
                System.out.println(context.getBean(CountryDao.class).countryName("NL"));
            }
        }
        """);
    assertTrue(!cached(plan), "cached although a plain Spring test looks it up by its class");
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and is looked up by its class "
        + "(CountryTest.findsTheName: "), reason(plan));
  }

  /**
   * A method Spring calls on the bean it holds that no interface declares (an @EventListener, a @Scheduled method): a
   * JDK proxy has no such method, and the context fails to start (the plain-Spring review's (2026-11-29) f4, f4b). Declared by the
   * interface, the proxy has it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"@org.springframework.context.event.EventListener(org.springframework.context.event.ContextRefreshedEvent.class)",
      "@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 60000)"})
  void aMethodSpringCallsOutsideTheInterfacesRefusesOutsideBoot(String annotation) {
    String dao = DAO.replace("    @Override\n    public String countryName", "    " + annotation
        + "\n    public void warm() {\n        jdbc.execute(\"SELECT 1\");\n    }\n\n    @Override\n    public String countryName");
    assertTrue(dao.contains("public void warm()"), dao);
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("package shop;\n\npublic interface Countries {\n    String countryName(String code);\n}\n")
        .java(dao).java(CONFIG).plan();
    assertTrue(!cached(plan), "cached although Spring calls warm() on the proxy");
    assertTrue(reason(plan).startsWith("CountryDao implements interfaces and Spring calls its @"), reason(plan));
    assertTrue(reason(plan).contains(" method warm(), which none of them declares"), reason(plan));

    MigrationPlan declared = new MigrationFixture(dir.resolve("declared")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("package shop;\n\npublic interface Countries {\n    String countryName(String code);\n\n    void warm();\n}\n")
        .java(dao.replace("    public void warm()", "    @Override\n    public void warm()")).java(CONFIG).plan();
    assertTrue(cached(declared), reason(declared));
  }
}
