package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPA entity with associations reads the tables its associations reach, and no others: a write
 * to an unrelated table no longer evicts its caches (eladmin's role list was refused because a code
 * generator's config writes counted as writers of it), while a write through the other side of an
 * association, or to the join table, still does. What the mapping hides (Hibernate SQL) keeps the
 * footprint unknown, so every writer evicts.
 */
class EntityFootprintTest {
  @TempDir Path dir;

  private static final String POM = MigrationSafetyTest.SPRING_POM.replace("</dependencies>", """
        <dependency>
          <groupId>org.springframework.data</groupId>
          <artifactId>spring-data-jpa</artifactId>
          <version>3.4.10</version>
        </dependency>
        <dependency>
          <groupId>jakarta.persistence</groupId>
          <artifactId>jakarta.persistence-api</artifactId>
          <version>3.1.0</version>
        </dependency>
      </dependencies>""");

  private static final String ROLE = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.FetchType;
      import jakarta.persistence.Id;
      import jakarta.persistence.JoinTable;
      import jakarta.persistence.ManyToMany;
      import jakarta.persistence.Table;
      import java.util.Set;

      @Entity
      @Table(name = "sys_role")
      public class Role {
          @Id
          private Long id;
          private String name;
          @ManyToMany(fetch = FetchType.EAGER)
          @JoinTable(name = "sys_roles_menus")
          private Set<Menu> menus;

          public String getName() {
              return name;
          }

          public void setName(String name) {
              this.name = name;
          }
      }
      """;

  private static final String MENU = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.ManyToMany;
      import jakarta.persistence.Table;
      import java.util.Set;

      @Entity
      @Table(name = "sys_menu")
      public class Menu {
          @Id
          private Long id;
          private String title;
          @ManyToMany(mappedBy = "menus")
          private Set<Role> roles;
      }
      """;

  private static final String CODE_CONFIG = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.Table;

      @Entity
      @Table(name = "code_config")
      public class CodeConfig {
          @Id
          private Long id;
          private String path;
      }
      """;

  private static String repository(String entity) {
    return """
        package shop;

        import org.springframework.data.jpa.repository.JpaRepository;

        public interface %sRepository extends JpaRepository<%s, Long> {
        }
        """.formatted(entity, entity);
  }

  private static final String ROLE_SERVICE = """
      package shop;

      import java.util.List;
      import org.springframework.stereotype.Service;

      @Service
      public class RoleService {
          private final RoleRepository roles;

          public RoleService(RoleRepository roles) {
              this.roles = roles;
          }

          public List<String> roleNames() {
              return roles.findAll().stream().map(Role::getName).toList();
          }
      }
      """;

  private static String writer(String entity) {
    return """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class %sWriter {
            private final %sRepository repository;

            public %sWriter(%sRepository repository) {
                this.repository = repository;
            }

            public void store(%s value) {
                repository.save(value);
            }
        }
        """.formatted(entity, entity, entity, entity, entity);
  }

  private MigrationPlan plan(String role) throws Exception {
    return new MigrationFixture(dir.resolve("p")).file("pom.xml", POM).java(role).java(MENU).java(CODE_CONFIG)
        .java(repository("Role")).java(repository("Menu")).java(repository("CodeConfig")).java(ROLE_SERVICE)
        .java(writer("Menu")).java(writer("CodeConfig")).plan();
  }

  private static List<String> writers(MigrationPlan plan, String method) {
    CachingTarget target = plan.targets().stream().filter(t -> t.method().fact().displayName().equals(method))
        .findFirst().orElseThrow(() -> new AssertionError(method + " was not cached; refused: " + plan.refusals().stream()
            .map(r -> r.finding().enclosingMethod() + ": " + r.reason()).toList()));
    return target.evictions().stream().map(e -> e.writer().fact().displayName()).sorted().toList();
  }

  @Test
  void aWriteOfAnUnrelatedTableDoesNotEvictAnEntityReadButAWriteThroughItsAssociationDoes() throws Exception {
    // Menu's save writes sys_menu, which Role's eager menus read (the inverse side writes no join table)
    assertEquals(List.of("MenuWriter.store"), writers(plan(ROLE), "RoleService.roleNames"));
  }

  @Test
  void anEntityWithSqlInItsMappingReadsTablesThatCannotBeToldAndEveryWriterEvicts() throws Exception {
    String counted = ROLE.replace("    private String name;", """
            private String name;
            @org.hibernate.annotations.Formula("(select count(*) from code_config)")
            private long configs;""");
    List<String> writers = writers(plan(counted), "RoleService.roleNames");
    assertTrue(writers.contains("CodeConfigWriter.store"), "evicted by " + writers);
  }

  private static String joinTableWriter(String table) {
    return """
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Service;

        @Service
        public class Unlinker {
            private final JdbcTemplate jdbc;

            public Unlinker(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public void unlink(long menuId) {
                jdbc.update("DELETE FROM %s WHERE menu_id = ?", menuId);
            }
        }
        """.formatted(table);
  }

  @Test
  void aWriteOfTheJoinTableEvictsWhetherItsNameIsWrittenOrDefault() throws Exception {
    MigrationPlan named = new MigrationFixture(dir.resolve("named")).file("pom.xml", POM).java(ROLE).java(MENU)
        .java(repository("Role")).java(ROLE_SERVICE).java(joinTableWriter("sys_roles_menus")).plan();
    assertEquals(List.of("Unlinker.unlink"), writers(named, "RoleService.roleNames"));
    // no @JoinTable: Spring Boot names it sys_role_menus (owner table, attribute), JPA sys_role_sys_menu
    String unnamed = ROLE.replace("    @JoinTable(name = \"sys_roles_menus\")\n", "");
    for (String table : List.of("sys_role_menus", "sys_role_sys_menu")) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(table)).file("pom.xml", POM).java(unnamed).java(MENU)
          .java(repository("Role")).java(ROLE_SERVICE).java(joinTableWriter(table)).plan();
      assertEquals(List.of("Unlinker.unlink"), writers(plan, "RoleService.roleNames"), table);
    }
    // and a join table of other entities is not this read's
    MigrationPlan other = new MigrationFixture(dir.resolve("other")).file("pom.xml", POM).java(ROLE).java(MENU)
        .java(repository("Role")).java(ROLE_SERVICE).java(joinTableWriter("sys_users_jobs")).plan();
    assertEquals(List.of(), writers(other, "RoleService.roleNames"));
  }
}
