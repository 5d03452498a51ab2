package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.config.OptkitConfig.Loops;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile review of what the loop and caching proofs newly allowed (virtual threads, fields set while
 * made, enum constants at construction, exclusive branches, Spring Data query methods): each case it
 * made answer otherwise, refused now.
 */
class AllowanceAttacksTest {
  @TempDir Path dir;

  static final String BACKEND = """
      package demo;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public final class Backend {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String base;

          public Backend(String base) {
              this.base = base;
          }

          public String get(String sku) {
              HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/" + sku)).GET().build();
              try {
                  return %s;
              } catch (IOException e) {
                  throw new IllegalStateException(e);
              } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
              }
          }
      }
      """;

  private static String backend(String answer) {
    return BACKEND.formatted(answer);
  }

  private static final String PLAIN_ANSWER = "http.send(request, HttpResponse.BodyHandlers.ofString()).body()";

  private static String quotes(String fields, String constructor, String afterAnswer) {
    return """
        package demo;

        import java.util.ArrayList;
        import java.util.List;

        public class Quotes {
        %s
            public Quotes(Backend primary, Backend secondary) {
        %s    }

            public List<String> all(List<String> skus) {
                List<String> out = new ArrayList<>();
                for (String sku : skus) {
                    String answer = backend.get(sku);
                    out.add(answer);
        %s        }
                return out;
            }
        }
        """.formatted(fields, constructor, afterAnswer);
  }

  private MigrationPlan loops(String name, String... sources) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).config(MigrationFixture.loopsOnly(new Loops(4)));
    for (String source : sources) {
      fixture.java(source);
    }
    return fixture.plan();
  }

  private static String loopRefusal(MigrationPlan plan) {
    assertEquals(List.of(), plan.loops(), "must be refused");
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  @Test
  void aFieldALambdaMadeInTheConstructorAssignsLaterIsNotSetWhileMade() {
    String why = loopRefusal(loops("lambda", backend(PLAIN_ANSWER), quotes("""
            private Backend backend;
            private final Runnable failover;
        """, """
                this.backend = primary;
                this.failover = () -> backend = secondary;
        """, """
                    if (answer.startsWith("DOWN")) {
                        failover.run();
                    }
        """)));
    assertTrue(why.contains("backend") && why.contains("changes after construction"), why);
  }

  @Test
  void aFieldAnAnonymousClassesInitializerAssignsInTheLoopIsNotSetWhileMade() {
    String why = loopRefusal(loops("anonymous", backend(PLAIN_ANSWER), quotes("""
            private Backend backend;
            private final Backend secondary;
        """, """
                this.backend = primary;
                this.secondary = secondary;
        """, """
                    if (answer.startsWith("DOWN")) {
                        new Object() {
                            {
                                backend = secondary;
                            }
                        };
                    }
        """)));
    assertTrue(why.contains("backend"), why);
  }

  private static final String TICKET = """
      package demo;

      public final class Ticket {
          private static int issued = 0;
          private final String text;

          public Ticket(String body) {
              issued = issued + 1;
              this.text = body + "#" + issued;
          }

          public String text() {
              return text;
          }
      }
      """;

  private static final String AUDIT_ENTRY = """
      package demo;

      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.SQLException;
      import javax.sql.DataSource;

      public final class AuditEntry {
          private final String what;

          public AuditEntry(DataSource ds, String what) {
              this.what = what;
              try (Connection c = ds.getConnection();
                   PreparedStatement ps = c.prepareStatement("insert into audit(what) values (?)")) {
                  ps.setString(1, what);
                  ps.executeUpdate();
              } catch (SQLException e) {
                  throw new IllegalStateException(e);
              }
          }

          public String what() {
              return what;
          }
      }
      """;

  private static final String SINGLE = """
      package demo;

      import java.util.ArrayList;
      import java.util.List;

      public class Quotes {
          private final Backend backend;

          public Quotes(Backend backend) {
              this.backend = backend;
          }

          public List<String> all(List<String> skus) {
              List<String> out = new ArrayList<>();
              for (String sku : skus) {
                  String answer = backend.get(sku);
                  out.add(answer);
              }
              return out;
          }
      }
      """;

  @Test
  void aConstructorTheCallRunsIsHeldToWhatAnyMethodIs() {
    String counter = loopRefusal(loops("counter", TICKET, SINGLE,
        backend("new Ticket(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).text()")));
    assertTrue(counter.contains("Ticket.Ticket()") && counter.contains("issued"), counter);
    String insert = loopRefusal(loops("insert", AUDIT_ENTRY, SINGLE,
        backend("new AuditEntry(ds, http.send(request, HttpResponse.BodyHandlers.ofString()).body()).what()")
            .replace("    private final String base;\n", "    private final String base;\n    private final javax.sql.DataSource ds = null;\n")));
    // refused as a loop of writes now that the insert is seen: its calls may not run ahead
    assertTrue(insert.contains("backend.get(sku)") || insert.contains("AuditEntry.AuditEntry()"), insert);
  }

  @Test
  void aMethodWhoseConstructorCallWritesIsNoCacheableRead() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("cached")).java(AUDIT_ENTRY)
        .java(backend("new AuditEntry(ds, http.send(request, HttpResponse.BodyHandlers.ofString()).body()).what()")
            .replace("    private final String base;\n", "    private final String base;\n    private final javax.sql.DataSource ds = null;\n"))
        .plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("get")),
        "get() inserts through new AuditEntry(...): " + plan.targets());
  }

  // ---- the MySQL first-read rule: a branch that may be left some other way than by its return

  private static final String NAMES = MigrationSafetyTest.bean("Names", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public String name(long id) {
              return jdbc.queryForObject("SELECT name FROM item WHERE id = ?", String.class, id);
          }

          public String alias(long id) {
              return jdbc.queryForObject("SELECT alias FROM alias WHERE item_id = ?", String.class, id);
          }

          // writers: a snapshot older than a write matters only where a write evicts
          public void rename(long id, String name) {
              jdbc.update("UPDATE item SET name = ? WHERE id = ?", name, id);
          }

          public void realias(long id, String alias) {
              jdbc.update("UPDATE alias SET alias = ? WHERE item_id = ?", alias, id);
          }
      """);

  private static String labels(String body) {
    return """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Labels {
            private final Names names;

            public Labels(Names names) {
                this.names = names;
            }

            @Transactional
            public String label(long id, boolean preferAlias) {
        %s    }
        }
        """.formatted(body);
  }

  private String snapshotRefusal(String name, String body) {
    MigrationPlan plan = new MigrationFixture(dir.resolve(name)).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(NAMES).java(labels(body)).plan();
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("name("))
        .map(Refusal::reason).findFirst().orElse("cached");
  }

  @Test
  void aReturnInsideATryWhoseCatchGoesOnDoesNotExcludeTheReadAfterIt() {
    String why = snapshotRefusal("try", """
                try {
                    if (preferAlias) {
                        return names.alias(id);
                    }
                } catch (RuntimeException noAlias) {
                    // fall back to the name
                }
                return names.name(id);
        """);
    assertTrue(why.contains("inside the transaction of Labels.label()"), why);
  }

  @Test
  void aBranchABreakMayLeaveBeforeItsReturnDoesNotExcludeTheReadAfterIt() {
    String why = snapshotRefusal("break", """
                lookup:
                if (preferAlias) {
                    String alias = names.alias(id);
                    if (alias.isEmpty()) {
                        break lookup;
                    }
                    return alias;
                }
                return names.name(id);
        """);
    assertTrue(why.contains("inside the transaction of Labels.label()"), why);
  }

  // ---- an untyped replace on a field a subclass declares again as a Map

  @Test
  void aStringFieldASubclassHidesWithAMapIsNoStringsReplace() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("shadowed")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            public class BaseSettings {
                protected String props;
            }
            """)
        .java("""
            package shop;

            import java.util.HashMap;
            import java.util.Map;
            import lombok.Getter;

            @Getter
            public class Settings extends BaseSettings {
                private final Map<String, String> props = new HashMap<>();
            }
            """)
        .java("""
            package shop;

            final class Tweaks {
                private Tweaks() {}

                static void darken(Settings settings) {
                    settings.getProps().replace("mode", "dark");
                }
            }
            """)
        .java(MigrationSafetyTest.bean("SettingsStore", "Service", "import org.springframework.stereotype.Service;", """
                public Settings load(long id) {
                    String mode = jdbc.queryForObject("SELECT mode FROM settings WHERE id = ?", String.class, id);
                    Settings settings = new Settings();
                    settings.getProps().put("mode", mode);
                    return settings;
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Preview {
                private final SettingsStore store;

                public Preview(SettingsStore store) {
                    this.store = store;
                }

                public String darkPreview(long id) {
                    Settings settings = store.load(id);
                    Tweaks.darken(settings);
                    return settings.getProps().get("mode");
                }
            }
            """)
        .plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("load")),
        "load()'s result is changed by Tweaks.darken(): " + plan.targets());
  }

  // ---- a repository fragment the project implements is no library read

  @Test
  void anEntityHandedToARepositoryFragmentTheProjectImplementsIsFollowedNotTakenForALibraryRead() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("fragment")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Item {
                @Id
                private Long id;
                private String name;
                private int stock;

                public String getName() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.List;

            public interface ItemRepositoryCustom {
                List<Item> findNamedLike(Item item);
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.EntityManager;
            import jakarta.persistence.PersistenceContext;
            import java.util.List;

            public class ItemRepositoryImpl implements ItemRepositoryCustom {
                @PersistenceContext
                private EntityManager em;

                @Override
                public List<Item> findNamedLike(Item item) {
                    Item managed = em.merge(item);
                    return em.createQuery("select i from Item i where i.name like :n", Item.class)
                            .setParameter("n", managed.getName() + "%").getResultList();
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ItemRepository extends JpaRepository<Item, Long>, ItemRepositoryCustom {
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class ItemReader {
                private final ItemRepository items;

                public ItemReader(ItemRepository items) {
                    this.items = items;
                }

                public Item byId(long id) {
                    return items.findById(id).orElseThrow();
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Front {
                private final ItemReader reader;
                private final ItemRepository items;

                public Front(ItemReader reader, ItemRepository items) {
                    this.reader = reader;
                    this.items = items;
                }

                public int similar(long id) {
                    return items.findNamedLike(reader.byId(id)).size();
                }
            }
            """)
        .plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("byId")),
        "byId()'s entity is merged by the project's fragment: " + plan.targets());
  }
}
