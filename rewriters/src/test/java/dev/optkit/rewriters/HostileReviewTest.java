package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile review of issue 23's relaxed proofs, one project each, as the reviewer wrote them:
 * every cache they made serve a stale or changed answer is refused, or keeps the eviction it needs.
 */
class HostileReviewTest {
  @TempDir Path dir;

  private static String refusal(MigrationPlan plan, String owner, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingClass().endsWith("." + owner)
            && r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElse("not refused; cached: " + plan.targets().stream()
            .map(t -> t.method().fact().displayName()).toList());
  }

  @Test
  void anEntityMappedOnItsGettersIsRefused() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("e1"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-jpa</artifactId><version>3.4.10</version></dependency><dependency><groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId><version>3.2.0</version></dependency><dependency><groupId>org.springframework</groupId><artifactId>spring-webmvc</artifactId><version>6.2.12</version></dependency>
              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/Owner.java", """
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.OneToMany;
            import java.util.List;

            @Entity
            public class Owner {
                private Integer id;
                private String name;
                private List<Visit> visits;

                @Id
                public Integer getId() {
                    return id;
                }

                public void setId(Integer id) {
                    this.id = id;
                }

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }

                @OneToMany(mappedBy = "owner")
                public List<Visit> getVisits() {
                    return visits;
                }

                public void setVisits(List<Visit> visits) {
                    this.visits = visits;
                }
            }
            """)
        .file("src/main/java/shop/OwnerController.java", """
            package shop;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class OwnerController {
                private final OwnerService service;

                public OwnerController(OwnerService service) {
                    this.service = service;
                }

                @GetMapping("/owners/{id}/visits")
                public int visits(@PathVariable int id) {
                    return service.find(id).getVisits().size();
                }
            }
            """)
        .file("src/main/java/shop/OwnerRepository.java", """
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OwnerRepository extends JpaRepository<Owner, Integer> {
                @org.springframework.data.jpa.repository.Modifying
                @org.springframework.data.jpa.repository.Query("update Owner o set o.name = ?2 where o.id = ?1")
                void updateName(int id, String name);
            }
            """)
        .file("src/main/java/shop/OwnerService.java", """
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class OwnerService {
                private final OwnerRepository owners;

                public OwnerService(OwnerRepository owners) {
                    this.owners = owners;
                }

                public Owner find(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public void rename(int id, String name) {
                    owners.updateName(id, name);
                }
            }
            """)
        .file("src/main/java/shop/Visit.java", """
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Visit {
                @Id
                private Integer id;
                private String note;

                public String getNote() {
                    return note;
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "OwnerService", "find").contains("is on its getters or in embedded objects"),
        refusal(plan, "OwnerService", "find"));
  }

  @Test
  void aCachedResultHandedToAFunctionOrAnEventIsRefused() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("e3"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-jpa</artifactId><version>2.7.18</version></dependency><dependency><groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId><version>3.2.0</version></dependency><dependency><groupId>org.springframework</groupId><artifactId>spring-webmvc</artifactId><version>5.3.39</version></dependency>
              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/Owner.java", """
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Owner {
                @Id
                private Integer id;
                private String name;

                public Integer getId() {
                    return id;
                }

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }
            }
            """)
        .file("src/main/java/shop/OwnerController.java", """
            package shop;

            import java.util.function.Consumer;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class OwnerController {
                private final OwnerService service;
                private final OwnerEditor editor;
                private final org.springframework.context.ApplicationEventPublisher events = null;
                private final Consumer<Owner> hook = o -> o.setName(o.getName() + "!");

                public OwnerController(OwnerService service, OwnerEditor editor) {
                    this.service = service;
                    this.editor = editor;
                }

                @GetMapping("/1/{id}")
                public String shout(@PathVariable int id) {
                    Owner owner = service.find1(id);
                    editor.edit(owner);
                    return owner.getName();
                }

                @GetMapping("/2/{id}")
                public String bang(@PathVariable int id) {
                    Owner owner = service.find2(id);
                    hook.accept(owner);
                    return owner.getName();
                }

                @GetMapping("/3/{id}")
                public String ref(@PathVariable int id) {
                    Owner owner = service.find3(id);
                    java.util.Optional.of(owner).ifPresent(this::mark);
                    return owner.getName();
                }

                @GetMapping("/4/{id}")
                public String event(@PathVariable int id) {
                    Owner owner = service.find4(id);
                    events.publishEvent(owner);
                    return owner.getName();
                }

                private void mark(Owner owner) {
                    owner.setName("*" + owner.getName());
                }
            }
            """)
        .file("src/main/java/shop/OwnerEditor.java", """
            package shop;

            public interface OwnerEditor {
                void edit(Owner owner);
            }
            """)
        .file("src/main/java/shop/OwnerRepository.java", """
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OwnerRepository extends JpaRepository<Owner, Integer> {
            }
            """)
        .file("src/main/java/shop/OwnerService.java", """
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class OwnerService {
                private final OwnerRepository owners;

                public OwnerService(OwnerRepository owners) {
                    this.owners = owners;
                }

                public Owner find1(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find2(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find3(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find4(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find5(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find6(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find7(int id) {
                    return owners.findById(id).orElseThrow();
                }
            }
            """)
        .file("src/main/java/shop/PlainEditor.java", """
            package shop;

            public class PlainEditor implements OwnerEditor {
                @Override
                public void edit(Owner owner) {
                }
            }
            """)
        .file("src/main/java/shop/Stats.java", """
            package shop;

            import org.springframework.context.event.EventListener;
            import org.springframework.stereotype.Component;

            @Component
            public class Stats {
                @EventListener
                public void seen(Owner owner) {
                    owner.setName(owner.getName() + " (seen)");
                }
            }
            """)
        .file("src/main/java/shop/UpperEditor.java", """
            package shop;

            import org.springframework.stereotype.Component;

            @Component
            public class UpperEditor implements OwnerEditor {
                @Override
                public void edit(Owner owner) {
                    owner.setName(owner.getName().toUpperCase());
                }
            }
            """)
        .file("src/main/java/shop/Visit.java", """
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Visit {
                @Id
                private Integer id;
                private String note;

                public String getNote() {
                    return note;
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "OwnerService", "find2").contains("hands the result it gets to accept()"),
        refusal(plan, "OwnerService", "find2"));
    assertTrue(refusal(plan, "OwnerService", "find4").contains("hands the result it gets to publishEvent()"),
        refusal(plan, "OwnerService", "find4"));
  }

  @Test
  void aMapsReplaceIsAChangeEvenWithALiteralKey() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("v1"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>

              <dependency><groupId>org.springframework</groupId><artifactId>spring-web</artifactId><version>6.2.12</version></dependency></dependencies>
            </project>
            """)
        .file("src/main/java/shop/ModeService.java", """
            package shop;

            import java.util.Map;


            @org.springframework.web.bind.annotation.RestController
            public class ModeService {
                private final SettingsDao dao;

                public ModeService(SettingsDao dao) {
                    this.dao = dao;
                }

                /** Previews maintenance mode: returns the mode it would replace. */
                @org.springframework.web.bind.annotation.GetMapping("/preview")
                public String preview(String tenant) {
                    Map<String, String> settings = dao.settings(tenant);
                    String previous = settings.replace("mode", "maintenance");
                    return previous + " -> " + settings.get("mode");
                }
            }
            """)
        .file("src/main/java/shop/SettingsDao.java", """
            package shop;

            import java.util.HashMap;
            import java.util.Map;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class SettingsDao {
                private final JdbcTemplate jdbc;

                public SettingsDao(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public Map<String, String> settings(String tenant) {
                    Map<String, String> all = new HashMap<>();
                    jdbc.query("SELECT k, v FROM settings WHERE tenant = ?", rs -> {
                        all.put(rs.getString(1), rs.getString(2));
                    }, tenant);
                    return all;
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "SettingsDao", "settings").contains("changes the result it gets (replace)"),
        refusal(plan, "SettingsDao", "settings"));
  }

  @Test
  void anOuterMethodWhoseExceptionMayNotUndoTheInnerWriteLeavesItsEviction() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("w4"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>

              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/DaoA.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoA {
                private final JdbcTemplate jdbc;

                public DaoA(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesA(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_a WHERE kind = ?", String.class, kind);
                }


                public void renameA(String kind, String name) {
                    jdbc.update("UPDATE t_a SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/DaoB.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoB {
                private final JdbcTemplate jdbc;

                public DaoB(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesB(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_b WHERE kind = ?", String.class, kind);
                }


                public void renameB(String kind, String name) {
                    jdbc.update("UPDATE t_b SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/DaoC.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoC {
                private final JdbcTemplate jdbc;

                public DaoC(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesC(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_c WHERE kind = ?", String.class, kind);
                }

                @Transactional(propagation = Propagation.REQUIRES_NEW)
                public void renameC(String kind, String name) {
                    jdbc.update("UPDATE t_c SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/DaoD.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class DaoD {
                private final JdbcTemplate jdbc;

                public DaoD(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesD(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_d WHERE kind = ?", String.class, kind);
                }


                public void renameD(String kind, String name) {
                    jdbc.update("UPDATE t_d SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/ServiceA.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceA {
                private final DaoA dao;

                public ServiceA(DaoA dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesA(kind);
                }

                @Transactional(noRollbackFor = IllegalStateException.class)
                public void rename(String kind, String name) {
                    dao.renameA(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .file("src/main/java/shop/ServiceB.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceB {
                private final DaoB dao;

                public ServiceB(DaoB dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesB(kind);
                }

                @Transactional(propagation = Propagation.SUPPORTS)
                public void rename(String kind, String name) {
                    dao.renameB(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .file("src/main/java/shop/ServiceC.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceC {
                private final DaoC dao;

                public ServiceC(DaoC dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesC(kind);
                }

                @Transactional
                public void rename(String kind, String name) {
                    dao.renameC(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .file("src/main/java/shop/ServiceD.java", """
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Propagation;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class ServiceD {
                private final DaoD dao;

                public ServiceD(DaoD dao) {
                    this.dao = dao;
                }

                public java.util.List<String> names(String kind) {
                    return dao.namesD(kind);
                }

                @Transactional(propagation = Propagation.NOT_SUPPORTED)
                public void rename(String kind, String name) {
                    dao.renameD(kind, name);
                    if (name.isEmpty()) {
                        throw new IllegalStateException("empty name");
                    }
                }
            }
            """)
        .plan();
    for (String letter : List.of("A", "B", "C", "D")) {
      CachingTarget target = plan.targets().stream().filter(t -> t.method().fact().displayName()
          .equals("Service" + letter + ".names")).findFirst().orElseThrow();
      assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().displayName()
          .equals("Dao" + letter + ".rename" + letter)), letter + ": " + target.evictions());
    }
  }

  @Test
  void noEvictionIsPlacedOnAMethodSpringCallsWithoutItsProxy() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("w2"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>

              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/AdminE.java", """
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class AdminE {
                private final HelperE helper;

                public AdminE(HelperE helper) {
                    this.helper = helper;
                }

                public void renameAll(String name) {
                    rename("a", name);
                    rename("b", name);
                }

                public void rename(String kind, String name) {
                    helper.rename(kind, name);
                }
            }
            """)
        .file("src/main/java/shop/AdminJ.java", """
            package shop;

            import org.springframework.scheduling.annotation.Async;
            import org.springframework.stereotype.Service;

            @Service
            public class AdminJ {
                private final HelperJ helper;

                public AdminJ(HelperJ helper) {
                    this.helper = helper;
                }

                @Async
                public void rename(String kind, String name) {
                    helper.rename(kind, name);
                }
            }
            """)
        .file("src/main/java/shop/AdminM.java", """
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class AdminM {
                private final HelperM helper;

                public AdminM(HelperM helper) {
                    this.helper = helper;
                }

                public final void rename(String kind, String name) {
                    helper.rename(kind, name);
                }
            }
            """)
        .file("src/main/java/shop/AdminP.java", """
            package shop;

            import jakarta.annotation.PostConstruct;
            import org.springframework.stereotype.Service;

            @Service
            public class AdminP {
                private final HelperP helper;

                public AdminP(HelperP helper) {
                    this.helper = helper;
                }

                @PostConstruct
                public void rename() {
                    helper.rename("default", "x");
                }
            }
            """)
        .file("src/main/java/shop/HelperE.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperE {
                private final JdbcTemplate jdbc;

                public HelperE(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_e SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/HelperJ.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperJ {
                private final JdbcTemplate jdbc;

                public HelperJ(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_j SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/HelperM.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperM {
                private final JdbcTemplate jdbc;

                public HelperM(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_m SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/HelperP.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            public class HelperP {
                private final JdbcTemplate jdbc;

                public HelperP(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public void rename(String kind, String name) {
                    jdbc.update("UPDATE t_p SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoE.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoE {
                private final JdbcTemplate jdbc;

                public RepoE(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesE(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_e WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoJ.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoJ {
                private final JdbcTemplate jdbc;

                public RepoJ(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesJ(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_j WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoM.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoM {
                private final JdbcTemplate jdbc;

                public RepoM(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesM(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_m WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .file("src/main/java/shop/RepoP.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class RepoP {
                private final JdbcTemplate jdbc;

                public RepoP(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public List<String> namesP(String kind) {
                    return jdbc.queryForList("SELECT name FROM t_p WHERE kind = ?", String.class, kind);
                }
            }
            """)
        .plan();
    assertTrue(plan.targets().stream().noneMatch(t -> t.evictions().stream()
        .anyMatch(e -> e.writer().fact().displayName().equals("AdminP.rename"))), plan.targets().toString());
  }

  @Test
  void aTransactionDeclaredInXmlKeepsTheSnapshotRefusal() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s1"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId><version>9.1.0</version></dependency>
              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/Names.java", """
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Transactional;

            @Repository
            public class Names {
                private final JdbcTemplate jdbc;

                public Names(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                @Transactional(readOnly = true)
                public List<String> all(String kind) {
                    return jdbc.queryForList("SELECT name FROM specialties WHERE kind = ?", String.class, kind);
                }

                @Transactional
                public void rename(String kind, String name) {
                    jdbc.update("UPDATE specialties SET name = ? WHERE kind = ?", name, kind);
                }
            }
            """)
        .file("src/main/java/shop/ReportService.java", """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Service;

            @Service
            public class ReportService {
                private final Names names;
                private final JdbcTemplate jdbc;

                public ReportService(Names names, JdbcTemplate jdbc) {
                    this.names = names;
                    this.jdbc = jdbc;
                }

                public String report(String kind) {
                    Integer n = jdbc.queryForObject("SELECT count(*) FROM visits", Integer.class);
                    jdbc.update("INSERT INTO audit(kind) VALUES (?)", kind);
                    return n + ":" + names.all(kind);
                }
            }
            """)
        .file("src/main/resources/applicationContext.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xmlns:aop="http://www.springframework.org/schema/aop"
                   xmlns:tx="http://www.springframework.org/schema/tx"
                   xmlns:context="http://www.springframework.org/schema/context"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd
                     http://www.springframework.org/schema/aop https://www.springframework.org/schema/aop/spring-aop.xsd
                     http://www.springframework.org/schema/tx https://www.springframework.org/schema/tx/spring-tx.xsd
                     http://www.springframework.org/schema/context https://www.springframework.org/schema/context/spring-context.xsd">
              <context:component-scan base-package="shop"/>
              <tx:annotation-driven/>
              <tx:advice id="txAdvice">
                <tx:attributes>
                  <tx:method name="*" read-only="true"/>
                </tx:attributes>
              </tx:advice>
              <aop:config>
                <aop:advisor advice-ref="txAdvice" pointcut="execution(* shop.*Service.*(..))"/>
              </aop:config>
            </beans>
            """)
        .plan();
    assertTrue(refusal(plan, "Names", "all").startsWith("it reads the database inside the transaction"),
        refusal(plan, "Names", "all"));
  }
}
