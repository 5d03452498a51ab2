package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23's precision rules: each a refusal optkit used to give for code it could prove safe
 * (now cached), beside the shape where the same reason is true (still refused, with that reason).
 */
class PreciseProofsTest {
  @TempDir Path dir;

  private static final String BASE_ENTITY = """
      package shop;

      public class BaseEntity {
          private Integer id;

          public Integer getId() {
              return id;
          }

          public void setId(Integer id) {
              this.id = id;
          }
      }
      """;

  private static final String VET = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;

      public class Vet extends BaseEntity {
          private String name;
          private final List<Specialty> specialties = new ArrayList<>();

          public String getName() {
              return name;
          }

          public void setName(String name) {
              this.name = name;
          }

          public void addSpecialty(Specialty specialty) {
              specialties.add(specialty);
          }
      }
      """;

  private static final String SPECIALTY = """
      package shop;

      public class Specialty extends BaseEntity {
          private String name;

          public String getName() {
              return name;
          }

          public void setName(String name) {
              this.name = name;
          }
      }
      """;

  private static final String ENTITY_UTILS = """
      package shop;

      import java.util.Collection;

      public abstract class EntityUtils {
          public static Specialty getById(Collection<Specialty> entities, int entityId) {
              for (Specialty entity : entities) {
                  if (entity.getId() == entityId) {
                      return entity;
                  }
              }
              throw new IllegalArgumentException("no specialty " + entityId);
          }
      }
      """;

  /** spring-petclinic-rest's JdbcVetRepositoryImpl.findAll(), reduced: rows mapped, then joined by id. */
  private static final String VET_REPOSITORY = """
      package shop;

      import java.util.List;
      import org.springframework.jdbc.core.BeanPropertyRowMapper;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class VetRepository {
          private final JdbcTemplate jdbc;

          public VetRepository(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public List<Vet> findAll() {
              List<Vet> vets = jdbc.query("SELECT id, name FROM vets", BeanPropertyRowMapper.newInstance(Vet.class));
              List<Specialty> specialties = jdbc.query("SELECT id, name FROM specialties",
                  BeanPropertyRowMapper.newInstance(Specialty.class));
              for (Vet vet : vets) {
                  List<Integer> ids = jdbc.queryForList("SELECT specialty_id FROM vet_specialties WHERE vet_id = ?",
                      Integer.class, vet.getId());
                  for (int id : ids) {
                      vet.addSpecialty(EntityUtils.getById(specialties, id));
                  }
              }
              return vets;
          }

          public void save(Vet vet) {
              jdbc.update("UPDATE vets SET name = ? WHERE id = ?", vet.getName(), vet.getId());
          }
      }
      """;

  private MigrationFixture spring(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM);
  }

  private static String refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError(method + " was not refused; cached: "
            + plan.targets().stream().map(t -> t.method().fact().displayName()).toList()));
  }

  private static void cached(MigrationPlan plan, String displayName) {
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName)),
        displayName + " was not cached; refused: " + plan.refusals().stream()
            .map(r -> r.finding().enclosingMethod() + ": " + r.reason()).toList());
  }

  // Rule 2: fields of objects the method creates or loads are not state its key must cover

  @Test
  void fieldsOfRowsTheMethodLoadedAreNotStateItsKeyMustCover() throws Exception {
    MigrationPlan plan = spring("fresh").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).plan();
    cached(plan, "VetRepository.findAll");
  }

  @Test
  void fieldsOfAnObjectTheBeanKeepsAreStateItsKeyMustCover() throws Exception {
    // the same getId(), on a Vet the repository keeps between calls: its id may change under the cache
    String kept = VET_REPOSITORY.replace("private final JdbcTemplate jdbc;", """
        private final JdbcTemplate jdbc;
            private Vet current = new Vet();

            public void select(Vet vet) {
                current = vet;
            }
        """).replace("Integer.class, vet.getId());", "Integer.class, current.getId());");
    String why = refusal(spring("kept").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS).java(kept)
        .plan(), "findAll");
    assertTrue(why.startsWith("depends on mutable state its key does not cover: BaseEntity.getId() reads field id"),
        why);
  }

  private static final String VET_NAMES = """
      package shop;

      import java.util.Comparator;
      import java.util.List;
      import org.springframework.stereotype.Service;

      @Service
      public class VetNames {
          private final VetRepository vets;
          public VetNames(VetRepository vets) {
              this.vets = vets;
          }

          public List<String> names() {
              return vets.findAll().stream().sorted(Comparator.comparing(Vet::getName)).map(Vet::getName).toList();
          }
      }
      """;

  @Test
  void aMethodReferenceRunsOnTheElementsOfWhatItTraverses() throws Exception {
    // Vet::getName runs on rows findAll() loaded for the call: not shared (it was read as a shared object's);
    // on a list the bean keeps, the reference's receiver is that field's (MethodReferenceRootsTest)
    MigrationPlan plan = spring("references").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(VET_NAMES).plan();
    cached(plan, "VetNames.names");
  }

  @Test
  void aStaticHelperReadsWhatItIsGivenNotSharedState() throws Exception {
    // EntityUtils.getById() reads getId() of the list it is handed: loaded rows above, a registry's list here
    String registry = """
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Component;

        @Component
        public class SpecialtyRegistry {
            private List<Specialty> known = new ArrayList<>();

            public List<Specialty> known() {
                return known;
            }

            public void replace(List<Specialty> specialties) {
                known = specialties;
            }
        }
        """;
    String fromRegistry = VET_REPOSITORY.replace("private final JdbcTemplate jdbc;", """
        private final JdbcTemplate jdbc;
            private final SpecialtyRegistry registry;
        """).replace("this.jdbc = jdbc;", "this.jdbc = jdbc;\n        this.registry = null;")
        .replace("EntityUtils.getById(specialties,", "EntityUtils.getById(registry.known(),");
    String why = refusal(spring("list").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS).java(registry)
        .java(fromRegistry).plan(), "findAll");
    // the registry's specialties, and the vets they are added to, are shared between calls
    assertTrue(why.startsWith("depends on mutable state its key does not cover: BaseEntity.getId() reads field id, "
        + "which changes after construction, of an object shared between calls"), why);
  }

  @Test
  void aReadThatChangesSharedStateIsRefusedForTheSideEffect() throws Exception {
    // a hit would skip the change to a Vet the repository keeps; changing the rows it loaded is no side effect
    String changing = VET_REPOSITORY.replace("private final JdbcTemplate jdbc;", """
        private final JdbcTemplate jdbc;
            private final java.util.Map<Integer, Vet> seen = new java.util.HashMap<>();
        """).replace("return vets;", """
            seen.get(1).setName("x");
                    return vets;""");
    String why = refusal(spring("effect").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(changing).plan(), "findAll");
    assertTrue(why.startsWith("changes state shared between calls: VetRepository.findAll() setName on what get() "
        + "returned; a cache hit would skip that change"), why);
  }

  @Test
  void aSetNamedCallOnAnImmutableJdkValueChangesNothing() throws Exception {
    // fourth audit, GlazyrinAV explore-with-me EventMapper: BigDecimal.setScale answers a new BigDecimal
    String rounding = VET_REPOSITORY.replace("return vets;", """
        rounding.mark();
                return vets;""").replace("private final JdbcTemplate jdbc;",
        "private final JdbcTemplate jdbc;\n    private final Rounding rounding = new Rounding();");
    MigrationPlan plan = spring("scale").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(rounding).java("""
            package shop;

            import java.math.BigDecimal;
            import java.math.RoundingMode;

            public class Rounding {
                private final double mark = 4.25;

                BigDecimal mark() {
                    return BigDecimal.valueOf(mark).setScale(1, RoundingMode.UP);
                }
            }
            """).plan();
    cached(plan, "VetRepository.findAll");
  }

  // Rule 1: an immutable value read from the result and handed on is not the result

  private static final String VET_DTO = """
      package shop;

      import java.util.List;

      public class VetDto {
          private String name;
          private Integer id;
          private List<Specialty> specialties;

          public void setName(String name) {
              this.name = name;
          }

          public void setId(Integer id) {
              this.id = id;
          }

          public void setSpecialties(List<Specialty> specialties) {
              this.specialties = specialties;
          }

          public List<Specialty> getSpecialties() {
              return specialties;
          }
      }
      """;

  /** A MapStruct-like generated mapper: copies values out of the entity into a new DTO. */
  private static final String VET_MAPPER = """
      package shop;

      import org.springframework.stereotype.Component;

      @Component
      public class VetMapperImpl {
          public VetDto toDto(Vet vet) {
              VetDto dto = new VetDto();
              dto.setName(vet.getName());
              dto.setId(vet.getId());
              return dto;
          }
      }
      """;

  private static final String VET_CONTROLLER = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.RestController;

      @RestController
      public class VetController {
          private final VetRepository vets;
          private final VetMapperImpl mapper;

          public VetController(VetRepository vets, VetMapperImpl mapper) {
              this.vets = vets;
              this.mapper = mapper;
          }

          @GetMapping("/vets")
          public List<VetDto> list() {
              List<VetDto> found = new ArrayList<>();
              for (Vet vet : vets.findAll()) {
                  found.add(mapper.toDto(vet));
              }
              return found;
          }
      }
      """;

  @Test
  void immutableValuesCopiedIntoADtoAreNoHandOffOfTheResult() throws Exception {
    MigrationPlan plan = spring("values").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(VET_DTO).java(VET_MAPPER).java(VET_CONTROLLER).plan();
    cached(plan, "VetRepository.findAll");
  }

  @Test
  void aMutablePartKeptInADtoIsAHandOffOfTheResult() throws Exception {
    // the DTO keeps the cached Vet's own list: a caller adding to dto.getSpecialties() changes the cached Vet
    String vet = VET.replace("    public void addSpecialty(", """
            public List<Specialty> getSpecialties() {
                return specialties;
            }

            public void addSpecialty(""");
    String mapper = VET_MAPPER.replace("dto.setId(vet.getId());", "dto.setSpecialties(vet.getSpecialties());");
    String controller = VET_CONTROLLER.replace("found.add(mapper.toDto(vet));", """
        VetDto dto = mapper.toDto(vet);
                        dto.getSpecialties().add(new Specialty());
                        found.add(dto);""");
    String why = refusal(spring("part").java(BASE_ENTITY).java(vet).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(VET_DTO).java(mapper).java(controller).plan(), "findAll");
    assertTrue(why.contains("VetMapperImpl.toDto(), which passes it to VetDto.setSpecialties(), which keeps it in field "
        + "specialties"), why);
  }

  @Test
  void stringReplaceOnAValueOfTheResultChangesNothing() throws Exception {
    // String.replace returns a new string (eladmin's GenUtil); Map.replace on the result would change it
    String controller = VET_CONTROLLER.replace("found.add(mapper.toDto(vet));", """
        String path = vet.getName().replace(".", "/");
                        found.add(mapper.toDto(vet));""");
    cached(spring("replace").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS).java(VET_REPOSITORY)
        .java(VET_DTO).java(VET_MAPPER).java(controller).plan(), "VetRepository.findAll");
    String replacing = VET_CONTROLLER.replace("for (Vet vet : vets.findAll()) {", """
        List<Vet> all = vets.findAll();
                java.util.Collections.replaceAll(all, null, new Vet());
                for (Vet vet : all) {""");
    String why = refusal(spring("replaceAll").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(VET_DTO).java(VET_MAPPER).java(replacing).plan(), "findAll");
    assertTrue(why.contains("changes the result it gets"), why);
  }

  // Rule 4: an entity-returning read is refused only for a reason that holds of its callers

  static final String OWNER = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.OneToMany;
      import java.util.ArrayList;
      import java.util.List;

      @Entity
      public class Owner {
          @Id
          private Integer id;
          private String name;
          @OneToMany(mappedBy = "owner")
          private List<Visit> visits = new ArrayList<>();

          public Integer getId() {
              return id;
          }

          public String getName() {
              return name;
          }

          public List<Visit> getVisits() {
              return visits;
          }
      }
      """;

  static final String VISIT = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;

      @Entity
      public class Visit {
          @Id
          private Integer id;
      }
      """;

  static final String OWNER_REPOSITORY = """
      package shop;

      import java.util.List;
      import org.springframework.jdbc.core.BeanPropertyRowMapper;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class OwnerRepository {
          private final JdbcTemplate jdbc;

          public OwnerRepository(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public List<Owner> findAll() {
              return jdbc.query("SELECT id, name FROM owners", BeanPropertyRowMapper.newInstance(Owner.class));
          }
      }
      """;

  /** A handler reading the owners: {@code %s} is what it does with each. */
  static String ownerController(String imports, String useOfEach) {
    return """
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;
        %s

        @RestController
        public class OwnerController {
            private final OwnerRepository owners;
            private final OwnerMapper mapper;

            public OwnerController(OwnerRepository owners, OwnerMapper mapper) {
                this.owners = owners;
                this.mapper = mapper;
            }

            @GetMapping("/owners")
            public List<String> list() {
                List<String> names = new ArrayList<>();
                for (Owner owner : owners.findAll()) {
                    %s
                }
                return names;
            }
        }
        """.formatted(imports, useOfEach);
  }

  static final String OWNER_MAPPER = """
      package shop;

      import org.springframework.stereotype.Component;

      @Component
      public class OwnerMapper {
          public String toName(Owner owner) {
              return owner.getName() + " #" + owner.getId();
          }

          public int visits(Owner owner) {
              return owner.getVisits().size();
          }
      }
      """;

  private MigrationFixture owners(String name, String controller, String mapper) {
    return spring(name).java(OWNER).java(VISIT).java(OWNER_REPOSITORY).java(controller).java(mapper);
  }

  @Test
  void entitiesReadAndMappedWithoutTouchingLazyAssociationsAreCached() throws Exception {
    MigrationPlan plan = owners("mapped", ownerController("", "names.add(mapper.toName(owner));"), OWNER_MAPPER).plan();
    cached(plan, "OwnerRepository.findAll");
  }

  @Test
  void anEntityOnlyTheFrameworkAsksForIsRefused() throws Exception {
    // a Formatter's parse(), a converter: what the framework does with the entity (binds it, saves it) is not in sight
    String formatter = """
        package shop;

        import java.util.Locale;
        import org.springframework.format.Formatter;
        import org.springframework.stereotype.Component;

        @Component
        public class OwnerFormatter implements Formatter<Owner> {
            private final OwnerRepository owners;

            public OwnerFormatter(OwnerRepository owners) {
                this.owners = owners;
            }

            @Override
            public Owner parse(String text, Locale locale) {
                for (Owner owner : owners.findAll()) {
                    if (owner.getName().equals(text)) {
                        return owner;
                    }
                }
                return null;
            }

            @Override
            public String print(Owner owner, Locale locale) {
                return owner.getName();
            }
        }
        """;
    MigrationPlan plan = spring("formatter").java(OWNER).java(VISIT).java(OWNER_REPOSITORY).java(formatter).plan();
    String why = refusal(plan, "parse");
    assertTrue(why.startsWith("returns the persistent entity Owner to callers optkit cannot see"), why);
    // the repository below it hands its owners up to the same unseen callers (petclinic-rest's findVisitsByPetId)
    String below = refusal(plan, "findAll");
    assertTrue(below.startsWith("returns the persistent entity Owner, and OwnerFormatter.parse() returns it to callers "
        + "optkit cannot see"), below);
  }

  @Test
  void aLazyAssociationReadAfterTheLoadRefusesTheEntity() throws Exception {
    String why = refusal(owners("lazy", ownerController("", "names.add(owner.getName() + mapper.visits(owner));"),
        OWNER_MAPPER).plan(), "findAll");
    assertTrue(why.equals("returns the persistent entity Owner, and OwnerMapper.visits() reads its lazy association "
        + "visits (getVisits()) after the read: on a cached, detached entity that throws LazyInitializationException"),
        why);
  }

  @Test
  void anEntityHandedBackToThePersistenceLayerIsRefused() throws Exception {
    String controller = ownerController("", "names.add(mapper.toName(owner));\n            store.save(owner);")
        .replace("private final OwnerMapper mapper;", "private final OwnerMapper mapper;\n    private final OwnerStore store = null;");
    String store = """
        package shop;

        import org.springframework.data.repository.CrudRepository;

        public interface OwnerStore extends CrudRepository<Owner, Integer> {
        }
        """;
    String why = refusal(owners("saved", controller, OWNER_MAPPER).java(store).plan(), "findAll");
    assertTrue(why.startsWith("returns the persistent entity Owner, and OwnerController.list() hands it back to the "
        + "persistence layer (save())"), why);
  }

  @Test
  void aMapperGeneratedAtBuildTimeAsksForTheBuild() throws Exception {
    // MapStruct writes OwnerMapperImpl into target/: before the build, what it reads cannot be known
    String mapper = """
        package shop;

        import org.mapstruct.Mapper;

        @Mapper(componentModel = "spring")
        public interface OwnerMapper {
            String toName(Owner owner);
        }
        """;
    String why = refusal(owners("unbuilt", ownerController("", "names.add(mapper.toName(owner));"), mapper).plan(),
        "findAll");
    assertTrue(why.contains("OwnerController.list() passes it to OwnerMapper.toName(), whose implementation is not in "
        + "the sources: build the project first"), why);
    // built: the generated implementation reads only the name, and the read is cached
    String generated = """
        package shop;

        import org.springframework.stereotype.Component;

        @Component
        public class OwnerMapperImpl implements OwnerMapper {
            @Override
            public String toName(Owner owner) {
                return owner.getName();
            }
        }
        """;
    MigrationPlan built = owners("built", ownerController("", "names.add(mapper.toName(owner));"), mapper)
        .file("target/generated-sources/annotations/shop/OwnerMapperImpl.java", generated).plan();
    cached(built, "OwnerRepository.findAll");
  }

  // Rule 3: a write to another store is no write of the data a query reads

  @Test
  void aRedisWriteIsNoWriterOfATable() throws Exception {
    String tokens = """
        package shop;

        import org.springframework.data.redis.core.StringRedisTemplate;
        import org.springframework.stereotype.Component;

        @Component
        public class Tokens {
            private final StringRedisTemplate redis;

            public Tokens(StringRedisTemplate redis) {
                this.redis = redis;
            }

            public void forget(String key) {
                redis.delete(key);
            }
        }
        """;
    MigrationPlan plan = spring("redis").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(tokens).plan();
    var target = plan.targets().stream().filter(t -> t.method().fact().displayName().equals("VetRepository.findAll"))
        .findFirst().orElseThrow(() -> new AssertionError(plan.refusals().toString()));
    assertTrue(target.evictions().stream().noneMatch(e -> e.writer().fact().displayName().equals("Tokens.forget")),
        "Redis key deletion evicts a table read: " + target.evictions());
    assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("VetRepository.save")),
        "the table's own writer must still evict: " + target.evictions());
  }

  // A snapshot isolation matters only where the snapshot predates the cached read

  @Test
  void aReadThatStartsItsOwnTransactionOnMySqlIsCachedOneInsideACallersIsNot() throws Exception {
    String pom = MigrationSafetyTest.SPRING_POM.replace("</dependencies>", """
            <dependency>
              <groupId>com.mysql</groupId>
              <artifactId>mysql-connector-j</artifactId>
              <version>9.1.0</version>
            </dependency>
          </dependencies>""");
    String names = """
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Names {
            private final JdbcTemplate jdbc;

            public Names(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            @Transactional(readOnly = true)
            public List<String> all() {
                return jdbc.queryForList("SELECT name FROM specialties", String.class);
            }

            public int total() {
                return jdbc.queryForObject("SELECT count(*) FROM vets", Integer.class);
            }

            // writers: a snapshot older than a write matters only where a write evicts
            public void addSpecialty(String name) {
                jdbc.update("INSERT INTO specialties (name) VALUES (?)", name);
            }

            public void addVet(String name) {
                jdbc.update("INSERT INTO vets (name) VALUES (?)", name);
            }
        }
        """;
    String report = """
        package shop;

        import org.springframework.transaction.annotation.Transactional;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class Report {
            private final Names names;

            public Report(Names names) {
                this.names = names;
            }

            @Transactional(readOnly = true)
            @GetMapping("/count")
            public int count() {
                return names.all().size();
            }
        }
        """;
    // its snapshot is taken at its own first read, after the miss: no older than any cache-aside read
    cached(new MigrationFixture(dir.resolve("own")).file("pom.xml", pom).java(names)
        .java(report.replace("    @Transactional(readOnly = true)\n    @GetMapping", "    @GetMapping")).plan(),
        "Names.all");
    // the first read of Report.count()'s transaction: that snapshot is taken at its own read, after the miss
    cached(new MigrationFixture(dir.resolve("first")).file("pom.xml", pom).java(names).java(report).plan(), "Names.all");
    // called inside Report.count()'s transaction after another read, it reads from the snapshot that read took,
    // which may predate a writer's eviction
    String why = refusal(new MigrationFixture(dir.resolve("inside")).file("pom.xml", pom).java(names)
        .java(report.replace("return names.all().size();", "return names.total() + names.all().size();")).plan(), "all");
    assertTrue(why.startsWith("it reads the database inside the transaction of Report.count()"), why);
  }

  // Rule 6: a writer no proxy wraps evicts around the beans that call it

  private static final String SQL_HELPER = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;

      public class SqlHelper {
          private final JdbcTemplate jdbc;

          public SqlHelper(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public void rename(int id, String name) {
              jdbc.update("UPDATE vets SET name = ? WHERE id = ?", name, id);
          }
      }
      """;

  private static final String VET_ADMIN = """
      package shop;

      import org.springframework.stereotype.Service;
      import org.springframework.transaction.annotation.Transactional;

      @Service
      public class VetAdmin {
          private final SqlHelper helper;

          public VetAdmin(SqlHelper helper) {
              this.helper = helper;
          }

          @Transactional
          public void rename(int id, String name) {
              helper.rename(id, name);
          }
      }
      """;

  @Test
  void aWriterOutsideAnyBeanEvictsAroundTheBeanThatCallsIt() throws Exception {
    MigrationPlan plan = spring("helper").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(SQL_HELPER).java(VET_ADMIN).plan();
    var target = plan.targets().stream().filter(t -> t.method().fact().displayName().equals("VetRepository.findAll"))
        .findFirst().orElseThrow(() -> new AssertionError(plan.refusals().toString()));
    assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("VetAdmin.rename")),
        target.evictions().toString());
    // also called from a class no proxy wraps: that path would write without evicting
    String tool = """
        package shop;

        public class RenameTool {
            public static void run(SqlHelper helper) {
                helper.rename(1, "x");
            }
        }
        """;
    String why = refusal(spring("tool").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(SQL_HELPER).java(VET_ADMIN).java(tool).plan(), "findAll");
    assertTrue(why.startsWith("a writer of its data cannot evict it: SqlHelper.rename() writes vets"), why);
  }

  @Test
  void aSpringDataFragmentWriterEvictsInTheFragmentsBean() throws Exception {
    // spring-petclinic-rest: SpringDataSpecialtyRepository extends the fragment SpecialtyRepositoryOverride, which
    // SpringDataSpecialtyRepositoryImpl implements; Spring Data registers that class as a bean and the repository
    // proxy calls the bean, proxy and all, so the fragment's own method carries the eviction (the index still links
    // the repository's call to it)
    MigrationPlan plan = spring("fragment").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java("""
            package shop;

            public interface SpecialtyRepository {
                void delete(Specialty specialty);
            }
            """).java("""
            package shop;

            public interface SpecialtyRepositoryOverride {
                void delete(Specialty specialty);
            }
            """).java("""
            package shop;

            import org.springframework.data.repository.Repository;

            public interface SpringDataSpecialtyRepository
                    extends SpecialtyRepository, Repository<Specialty, Integer>, SpecialtyRepositoryOverride {
            }
            """).java("""
            package shop;

            import jakarta.persistence.EntityManager;
            import jakarta.persistence.PersistenceContext;

            public class SpringDataSpecialtyRepositoryImpl implements SpecialtyRepositoryOverride {
                @PersistenceContext
                private EntityManager em;

                @Override
                public void delete(Specialty specialty) {
                    em.createNativeQuery("DELETE FROM vet_specialties WHERE specialty_id = " + specialty.getId())
                        .executeUpdate();
                    em.remove(specialty);
                }
            }
            """).java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class SpecialtyAdmin {
                private final SpecialtyRepository specialties;

                public SpecialtyAdmin(SpecialtyRepository specialties) {
                    this.specialties = specialties;
                }

                @Transactional
                public void delete(Specialty specialty) {
                    specialties.delete(specialty);
                }
            }
            """).plan();
    var target = plan.targets().stream().filter(t -> t.method().fact().displayName().equals("VetRepository.findAll"))
        .findFirst().orElseThrow(() -> new AssertionError(plan.refusals().toString()));
    assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().displayName()
        .equals("SpringDataSpecialtyRepositoryImpl.delete")), target.evictions().toString());
  }

  @Test
  void aContainerOfValuesReadFromTheResultIsNotTheResult() throws Exception {
    // eladmin's DataServiceImpl: ids read from the rows go into a set a helper then adds to
    String ids = VET_CONTROLLER.replace("for (Vet vet : vets.findAll()) {", """
        java.util.Set<Integer> ids = new java.util.HashSet<>();
                for (Vet vet : vets.findAll()) {
                    ids.add(vet.getId());
                }
                more(ids);
                for (Vet vet : vets.findAll()) {""").replace("    @GetMapping(\"/vets\")", """
            private static void more(java.util.Set<Integer> ids) {
                ids.add(0);
            }

            @GetMapping("/vets")""");
    cached(spring("ids").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS).java(VET_REPOSITORY)
        .java(VET_DTO).java(VET_MAPPER).java(ids).plan(), "VetRepository.findAll");
    // the same shape holding the vets themselves: the helper renames a cached vet
    String held = VET_CONTROLLER.replace("for (Vet vet : vets.findAll()) {", """
        java.util.List<Vet> kept = new java.util.ArrayList<>();
                for (Vet vet : vets.findAll()) {
                    kept.add(vet);
                }
                rename(kept);
                for (Vet vet : vets.findAll()) {""").replace("    @GetMapping(\"/vets\")", """
            private static void rename(java.util.List<Vet> kept) {
                kept.get(0).setName("x");
            }

            @GetMapping("/vets")""");
    String why = refusal(spring("held").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(VET_DTO).java(VET_MAPPER).java(held).plan(), "findAll");
    assertTrue(why.contains("VetController.rename(), which changes it"), why);
  }

  @Test
  void aContainerHoldingTheResultThatAHelperAddsToLeavesTheResultAlone() throws Exception {
    // eladmin's MenuController.childMenu: the cached list goes into a set a helper then adds more to
    String added = VET_CONTROLLER.replace("for (Vet vet : vets.findAll()) {", """
        java.util.List<java.util.List<Vet>> kept = new java.util.ArrayList<>();
                kept.add(vets.findAll());
                more(kept);
                for (Vet vet : vets.findAll()) {""").replace("    @GetMapping(\"/vets\")", """
            private static void more(java.util.List<java.util.List<Vet>> kept) {
                kept.add(new java.util.ArrayList<>());
            }

            @GetMapping("/vets")""");
    cached(spring("added").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS).java(VET_REPOSITORY)
        .java(VET_DTO).java(VET_MAPPER).java(added).plan(), "VetRepository.findAll");
    // the helper clearing what the set holds changes the cached list itself
    String cleared = added.replace("kept.add(new java.util.ArrayList<>());", "kept.get(0).clear();");
    String why = refusal(spring("cleared").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(VET_DTO).java(VET_MAPPER).java(cleared).plan(), "findAll");
    assertTrue(why.contains("VetController.more(), which changes it"), why);
  }

  @Test
  void aResultReturnedThroughALambdaIsFollowedToTheCallerThatChangesIt() throws Exception {
    // petclinic-rest's ClinicServiceImpl: findEntityById(() -> petRepository.findById(id)) returns the pet
    // to a controller that changes it; the value goes through the lambda, where the flow does not follow it
    String through = VET_CONTROLLER.replace("for (Vet vet : vets.findAll()) {", """
        found().get(0).setName("x");
                for (Vet vet : vets.findAll()) {""").replace("    @GetMapping(\"/vets\")", """
            private static <T> T first(java.util.function.Supplier<T> supplier) {
                return supplier.get();
            }

            private java.util.List<Vet> found() {
                return first(() -> vets.findAll());
            }

            @GetMapping("/vets")""");
    String why = refusal(spring("lambda").java(BASE_ENTITY).java(VET).java(SPECIALTY).java(ENTITY_UTILS)
        .java(VET_REPOSITORY).java(VET_DTO).java(VET_MAPPER).java(through).plan(), "findAll");
    // first() returns what the supplier returns, and found() returns that to list(), which changes it
    assertTrue(why.startsWith("VetController.found() passes the result it gets to VetController.first(), which returns "
        + "it, and returns that, and VetController.list() changes the result it gets (setName)"), why);
  }
}
