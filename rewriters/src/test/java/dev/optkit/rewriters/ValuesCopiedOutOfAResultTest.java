package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A holder built from values read out of a cached result ({@code new Location(sample.getLat(), sample.getLon())}
 * into {@code float} parameters) holds nothing of the result: keeping the holder in a field changes no cached
 * object. Found on an unseen JdbcTemplate service, whose mapper copied two floats out of each sample.
 */
class ValuesCopiedOutOfAResultTest extends SpringProjectPlans {
  private static final String SAMPLE = """
      package shop;

      public class Sample {
          private float lat;
          private float lon;
          public float getLat() { return lat; }
          public float getLon() { return lon; }
          public void setLat(float lat) { this.lat = lat; }
      }
      """;

  private static final String INFO = """
      package shop;

      public class Info {
          private Location location;
          public Info(Location location) { this.location = location; }
          public Location getLocation() { return location; }
          public void setLocation(Location location) { this.location = location; }
      }
      """;

  private static final String MAPPER = """
      package shop;

      import org.springframework.stereotype.Component;

      @Component
      public class SampleMapper {
          public Info map(Sample sample) {
              Location location = new Location(%s);
              return new Info(location);
          }
      }
      """;

  private static final String READS = MigrationSafetyTest.bean("SampleRepository", "Repository",
      "import org.springframework.stereotype.Repository;", """
              public Sample latest(String station) {
                  return jdbc.queryForObject("SELECT lat, lon FROM samples WHERE station = ?",
                      (rs, n) -> new Sample(), station);
              }
          """);

  private static final String CALLER = """
      package shop;

      import org.springframework.stereotype.Service;

      @Service
      public class WeatherService {
          private final SampleRepository samples;
          private final SampleMapper mapper;
          public WeatherService(SampleRepository samples, SampleMapper mapper) {
              this.samples = samples;
              this.mapper = mapper;
          }
          public Info current(String station) {
              return mapper.map(samples.latest(station));
          }
      }
      """;

  private MigrationPlan plan(String name, String location, String arguments) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(SAMPLE).java(INFO).java(location).java(MAPPER.formatted(arguments)).java(READS).java(CALLER).plan();
  }

  private static Optional<Proof> refusedBy(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::proof).findFirst();
  }

  @Test
  void aHolderOfValuesCopiedOutOfTheResultHoldsNothingOfIt() {
    MigrationPlan plan = plan("copied", """
        package shop;

        public class Location {
            private float lat;
            private float lon;
            public Location(float lat, float lon) { this.lat = lat; this.lon = lon; }
            public float getLat() { return lat; }
        }
        """, "sample.getLat(), sample.getLon()");
    // the read is cached, at its outermost level: the service that maps it
    assertTrue(refusedBy(plan, "latest").filter(Proof.RESULT_CHANGED::equals).isEmpty(), plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.finding().enclosingMethod().startsWith("current(")),
        plan.targets().toString());
  }

  /** The near miss: a holder that keeps the result itself, kept in a field where anyone may change it. */
  @Test
  void aHolderOfTheResultItselfIsStillAChangeOfIt() {
    MigrationPlan plan = plan("kept", """
        package shop;

        public class Location {
            private Sample sample;
            public Location(Sample sample) { this.sample = sample; }
            public Sample getSample() { return sample; }
        }
        """, "sample");
    assertEquals(Optional.of(Proof.RESULT_CHANGED), refusedBy(plan, "latest"), plan.refusals().toString());
  }

  /**
   * Trial 42's F4 (Shopping-Store's CartController): {@code new ProductInOrder(productInfo, 1)} copies the product's
   * id and name into String fields and keeps no reference to it, so the cart service setting the order line's cart
   * changes no ProductInfo; findOne was refused as if it did. The twins keep the ProductInfo itself, or its list of
   * tags, and stay refused.
   * (From trial 42's false reasons, F4.)
   */
  @Test
  void aConstructorCopyingValuesOutOfTheResultHoldsNoneOfIt() {
    MigrationPlan plan = caseProject("reasons44", "copyctor", "copy").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.findOne")
        && t.toString().contains("name=decreaseStock")), plan.targets() + " " + plan.refusals());
    // the project's other reads are refused by RESULT_CHANGED for other changes (decreaseStock): only the words tell
    // that none is for the cart's change
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("item.setCart")), plan.refusals().toString());

    // Shopping-Store's own ProductInOrder is @Data @NoArgsConstructor: Lombok writes no constructor of two arguments
    MigrationPlan lombok = caseProject("reasons44", "copyctor", "copydata")
        .resources("/reasons44/copyctordata").plan();
    assertTrue(lombok.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.findOne")),
        lombok.targets() + " " + lombok.refusals());

    for (String twin : new String[] {"copyctorkeeps", "copyctorpart"}) {
      MigrationPlan keeps = new MigrationFixture(dir.resolve(twin)).resources("/reasons44/copyctor")
          .resources("/reasons44/" + twin).plan();
      assertTrue(keeps.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findOne")
          && r.proof() == Proof.RESULT_CHANGED), twin + ": " + keeps.refusals());
    }
  }
}
