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
          private List<String> roles = new ArrayList<>();

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

  private static String reason(MigrationPlan plan, String method) {
    return ObjectsTheCallMadeTest.reason(plan, method);
  }

  private MigrationPlan plan(String name, String body) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(DTO)
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
}
