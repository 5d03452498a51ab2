package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, rule 5: one plan, built or not. The project is planned, then built for real (javac with
 * MapStruct's annotation processor writing target/generated-sources/annotations, as Maven does),
 * then planned again: where the proof needs the generated mapper, the unbuilt plan asks for the build.
 */
class BuiltAndUnbuiltTest {
  @TempDir Path dir;

  private static final String OWNER = """
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

          public void setId(Integer id) {
              this.id = id;
          }

          public String getName() {
              return name;
          }

          public void setName(String name) {
              this.name = name;
          }

          public List<Visit> getVisits() {
              return visits;
          }

          public void setVisits(List<Visit> visits) {
              this.visits = visits;
          }
      }
      """;

  private static final String VISIT = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;

      @Entity
      public class Visit {
          @Id
          private Integer id;

          public Integer getId() {
              return id;
          }

          public void setId(Integer id) {
              this.id = id;
          }
      }
      """;

  /** The DTO MapStruct fills: {@code %s} adds properties (a visit count would read the lazy visits). */
  private static String ownerDto(String more) {
    return """
        package shop;

        import java.util.List;

        public class OwnerDto {
            private String name;
            %s

            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }
        }
        """.formatted(more);
  }

  private static final String MAPPER = """
      package shop;

      import org.mapstruct.Mapper;

      @Mapper(componentModel = "spring")
      public interface OwnerMapper {
          OwnerDto toDto(Owner owner);
      }
      """;

  private static final String REPOSITORY = """
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

  private static final String CONTROLLER = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.RestController;

      @RestController
      public class OwnerController {
          private final OwnerRepository owners;
          private final OwnerMapper mapper;

          public OwnerController(OwnerRepository owners, OwnerMapper mapper) {
              this.owners = owners;
              this.mapper = mapper;
          }

          @GetMapping("/owners")
          public List<OwnerDto> list() {
              List<OwnerDto> found = new ArrayList<>();
              for (Owner owner : owners.findAll()) {
                  found.add(mapper.toDto(owner));
              }
              return found;
          }
      }
      """;

  private MigrationFixture project(Path root, String dto) {
    return new MigrationFixture(root).file("pom.xml", MigrationSafetyTest.SPRING_POM).java(OWNER).java(VISIT)
        .java(dto).java(MAPPER).java(REPOSITORY).java(CONTROLLER);
  }

  private static String verdict(MigrationPlan plan, String method) {
    if (plan.targets().stream().anyMatch(t -> t.method().fact().name().equals(method))) {
      return "cached";
    }
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElse("not proposed");
  }

  /** Runs MapStruct's processor over the project's sources, writing where Maven's compiler plugin does. */
  private static void generateSources(Path root) throws Exception {
    Path generated = root.resolve("target/generated-sources/annotations");
    Path classes = root.resolve("target/classes");
    Files.createDirectories(generated);
    Files.createDirectories(classes);
    List<String> arguments = new ArrayList<>(List.of("-proc:only", "-processor", "org.mapstruct.ap.MappingProcessor",
        "-processorpath", System.getProperty("java.class.path"), "-cp", System.getProperty("java.class.path"),
        "-s", generated.toString(), "-d", classes.toString()));
    try (Stream<Path> walk = Files.walk(root.resolve("src/main/java"))) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    assertTrue(Files.isRegularFile(generated.resolve("shop/OwnerMapperImpl.java")), "MapStruct generated nothing");
  }

  @Test
  void aMapperThatCopiesValuesIsCachedOnceBuiltAndAsksForTheBuildBefore() throws Exception {
    Path root = dir.resolve("values");
    MigrationFixture fixture = project(root, ownerDto(""));
    String unbuilt = verdict(fixture.plan(), "findAll");
    assertTrue(unbuilt.contains("OwnerController.list() passes it to OwnerMapper.toDto(), whose implementation is not "
        + "in the sources: build the project first"), unbuilt);
    generateSources(root);
    assertEquals("cached", verdict(fixture.plan(), "findAll"), "built, the generated mapper reads only the name");
  }

  @Test
  void aMapperThatReadsALazyAssociationIsRefusedBuiltOrNot() throws Exception {
    Path root = dir.resolve("lazy");
    MigrationFixture fixture = project(root, ownerDto("""
        private List<Visit> visits;

            public List<Visit> getVisits() {
                return visits;
            }

            public void setVisits(List<Visit> visits) {
                this.visits = visits;
            }"""));
    String unbuilt = verdict(fixture.plan(), "findAll");
    assertTrue(unbuilt.contains("build the project first"), unbuilt);
    generateSources(root);
    // built, the generated mapper copies the lazy visits into the DTO: refused for what it does with them
    String built = verdict(fixture.plan(), "findAll");
    assertTrue(built.contains("OwnerMapperImpl.toDto()") && built.contains("visits"), built);
  }
}
