package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method reference on a local ({@code rows.forEach(dto::addRole)}) runs on the object that local
 * holds: one the read made for this call is no state shared between calls, as with
 * {@code dto.addRole(role)} (trial 59's dscatalog: {@code UserService.findById} refused for
 * "UserResponseDTO.addRole() reads field roles ... of an object shared between calls (dto::addRole)"
 * on a DTO its mapper had just made). A local that holds a field's object, and a field, stay shared.
 */
class MethodReferenceReceiversTest {
  @TempDir Path dir;

  private static final String DTO = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;

      public class UserDto {
          private String name;
          List<String> roles = new ArrayList<>();

          public void setName(String name) {
              this.name = name;
          }

          public void setRoles(List<String> roles) {
              this.roles = roles;
          }

          public void addRole(String role) {
              roles.add(role);
          }

          @Override
          public String toString() {
              return name + " " + roles;
          }
      }
      """;

  private static final String LABELER = """
      package shop;

      public class Labeler {
          private String prefix = "";

          public void setPrefix(String prefix) {
              this.prefix = prefix;
          }

          public String label(String role) {
              return prefix + role;
          }
      }
      """;

  private static String reason(MigrationPlan plan, String method) {
    return ObjectsTheCallMadeTest.reason(plan, method);
  }

  private MigrationPlan plan(String name, String body) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(DTO).java(LABELER)
        .java(MigrationSafetyTest.bean("UserDao", "Repository", """
            import org.springframework.stereotype.Repository;""", body))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class UserService {
                private final UserDao users;

                public UserService(UserDao users) {
                    this.users = users;
                }

                public String describe(long id) {
                    return users.user(id).toString();
                }
            }
            """)
        .plan();
  }

  @Test
  void aReferenceOnALocalTheReadMadeRunsOnNothingShared() {
    MigrationPlan fresh = plan("fresh", """
            public UserDto user(long id) {
                UserDto dto = new UserDto();
                dto.setName(jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id));
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                return dto;
            }
        """);
    String why = reason(fresh, "user");
    assertEquals("cached", why);
  }

  @Test
  void aReferenceOnALocalHoldingAFieldsObjectRunsOnSharedState() {
    MigrationPlan aliased = plan("aliased", """
            private final UserDto last = new UserDto();

            public UserDto user(long id) {
                UserDto dto = last;
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                return dto;
            }
        """);
    String why = reason(aliased, "user");
    assertTrue(why.contains("of an object shared between calls (dto::addRole)"), why);
    MigrationPlan field = plan("field", """
            private final UserDto last = new UserDto();

            public UserDto user(long id) {
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(last::addRole);
                return last;
            }
        """);
    String fieldWhy = reason(field, "user");
    assertTrue(fieldWhy.contains("of an object shared between calls (last::addRole)"), fieldWhy);
  }

  @Test
  void aReferenceOnALocalAssignedTwiceCountsEveryValue() {
    MigrationPlan reassigned = plan("reassigned", """
            private final UserDto last = new UserDto();

            public UserDto user(long id) {
                UserDto dto = new UserDto();
                if (id < 0) {
                    dto = last;
                }
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                return dto;
            }
        """);
    String why = reason(reassigned, "user");
    assertTrue(why.contains("of an object shared between calls (dto::addRole)"), why);
    MigrationPlan fromOwnCall = plan("ownCall", """
            private final UserDto last = new UserDto();

            private UserDto last() {
                return last;
            }

            public UserDto user(long id) {
                UserDto dto = new UserDto();
                dto = last();
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                return dto;
            }
        """);
    String ownCallWhy = reason(fromOwnCall, "user");
    assertTrue(ownCallWhy.contains("of an object shared between calls (dto::addRole)"), ownCallWhy);
  }

  @Test
  void aReferenceOnAVariableBoundElsewhereCountsWhatItWasBoundTo() {
    // a pattern's variable given a fresh object after the reference ran on the shared one
    MigrationPlan patternVariable = plan("patternVariable", """
            private final Object last = new UserDto();

            public UserDto user(long id) {
                Object held = last;
                if (held instanceof UserDto dto) {
                    jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                    dto = new UserDto();
                    return dto;
                }
                return new UserDto();
            }
        """);
    String why = reason(patternVariable, "user");
    assertTrue(why.contains("of an object shared between calls (dto::addRole)"), why);
  }

  /** Hostile review 61: names and objects the first cut of this proof took for a fresh local's. */
  @Test
  void aFieldAnInnerClassOrAStoreMakesTheReceiverShared() {
    // shadow_ref: the reference names the field; a local of that name stands in another block
    MigrationPlan shadowed = plan("shadowed", """
            private final Labeler labeler = new Labeler();

            public java.util.List<String> roles(long id) {
                java.util.List<String> out = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?",
                    String.class, id).stream().map(labeler::label).toList();
                if (out.isEmpty()) {
                    Labeler labeler = new Labeler();
                    return java.util.List.of(labeler.label("none"));
                }
                return out;
            }
        """);
    String shadowedWhy = reason(shadowed, "roles");
    assertTrue(shadowedWhy.contains("of an object shared between calls (labeler::label)"), shadowedWhy);
    // lambda_local_plain and _ref: the field named in the map, a local of its name in a lambda's body (older than the
    // reference's roots: the plain call was cached too)
    for (String mapped : java.util.List.of("r -> labeler.label(r)", "labeler::label")) {
      MigrationPlan inLambda = plan("inLambda" + mapped.length(), """
              private final Labeler labeler = new Labeler();

              public java.util.List<String> roles(long id) {
                  java.util.function.Supplier<String> none = () -> {
                      Labeler labeler = new Labeler();
                      return labeler.label("none");
                  };
                  java.util.List<String> out = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?",
                      String.class, id).stream().map(MAPPED).toList();
                  return out.isEmpty() ? java.util.List.of(none.get()) : out;
              }
          """.replace("MAPPED", mapped));
      String inLambdaWhy = reason(inLambda, "roles");
      assertTrue(inLambdaWhy.contains("reads field prefix, which changes after construction, of an object shared between "
          + "calls"), mapped + ": " + inLambdaWhy);
    }
    // anon_foreach_ref: in an anonymous class's method, the outer method's for-each variable
    MigrationPlan anonymous = plan("anonymous", """
            private final java.util.List<Labeler> labelers = java.util.List.of(new Labeler());

            public java.util.List<String> roles(long id) {
                java.util.List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?",
                    String.class, id);
                java.util.List<String> out = new java.util.ArrayList<>();
                for (Labeler labeler : labelers) {
                    out.addAll(new java.util.function.Supplier<java.util.List<String>>() {
                        @Override
                        public java.util.List<String> get() {
                            return rows.stream().map(labeler::label).toList();
                        }
                    }.get());
                }
                if (out.isEmpty()) {
                    Labeler labeler = new Labeler();
                    out.add(labeler.label("none"));
                }
                return out;
            }
        """);
    assertTrue(!reason(anonymous, "roles").equals("cached"), reason(anonymous, "roles"));
    // fieldassign_ref: the fresh DTO is given the bean's own list
    MigrationPlan stored = plan("stored", """
            private final java.util.List<String> seen = new java.util.ArrayList<>();

            public UserDto user(long id) {
                UserDto dto = new UserDto();
                dto.roles = seen;
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                return dto;
            }
        """);
    assertTrue(!reason(stored, "user").equals("cached"), reason(stored, "user"));
    // inner_ref: an inner class's object writes the bean's field
    MigrationPlan inner = plan("inner", """
            private final java.util.List<String> seen = new java.util.ArrayList<>();

            class Acc {
                void add(String role) {
                    seen.add(role);
                }

                int count() {
                    return seen.size();
                }
            }

            public UserDto user(long id) {
                Acc acc = new Acc();
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(acc::add);
                UserDto dto = new UserDto();
                dto.setName(String.valueOf(acc.count()));
                return dto;
            }
        """);
    assertTrue(!reason(inner, "user").equals("cached"), reason(inner, "user"));
  }

  /** Hostile review 61's r_var: a reference on a local optkit cannot type was dropped, its method unchecked. */
  @Test
  void aReferenceOnAnUntypedLocalIsCheckedAsItsCallIs() {
    MigrationPlan plan = plan("var", """
            private final UserDto last = new UserDto();

            public UserDto user(long id) {
                var dto = last;
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                return dto;
            }
        """);
    String why = reason(plan, "user");
    assertTrue(why.contains("of an object shared between calls (dto::addRole)"), why);
  }

  /** Hostile review 61's ctorstatic_ref: a DTO made here whose constructor gives it its class's static list. */
  @Test
  void aNewObjectGivenItsClasssStaticListIsShared() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("ctorstatic")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(DTO.replace("List<String> roles = new ArrayList<>();", """
            static final List<String> ALL = new ArrayList<>();
                List<String> roles;

                public UserDto() {
                    this.roles = ALL;
                }"""))
        .java(MigrationSafetyTest.bean("UserDao", "Repository", """
            import org.springframework.stereotype.Repository;""", """
            public UserDto user(long id) {
                UserDto dto = new UserDto();
                jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(dto::addRole);
                return dto;
            }
        """)).plan();
    assertTrue(!reason(plan, "user").equals("cached"), reason(plan, "user"));
  }
}
