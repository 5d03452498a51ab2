package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * An entity's JPA access type decides where its mapping is read: {@code @Access(AccessType.FIELD)} written out on a
 * mapped superclass is still field access, while property access moves the mapping onto getters optkit does not
 * read. Each case's comment names the audit of optkit's refusal reasons on public projects (2026-11-25 on), or the
 * trial, it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin: the code the reason names must do what it says.
 */
class JpaAccessTypeTest extends SpringProjectPlans {
  // ---- tenth audit: s2: @Access(AccessType.FIELD) on a mapped superclass whose @Id is on the field

  @Test
  void fieldAccessWrittenOutIsStillFieldAccess() {
    MigrationPlan plan = caseProject("audit10", "s2-access-field").plan();
    assertTrue(cached(plan, "DishService.getAll"), reasons(plan).toString());
    // its true twin: property access moves the mapping onto getters optkit does not read
    String base = "package r;\nimport jakarta.persistence.*;\n@MappedSuperclass @Access(AccessType.PROPERTY)\n"
        + "public abstract class BaseEntity { protected Integer id; protected BaseEntity() {} protected BaseEntity(Integer id) { this.id = id; }\n"
        + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer getId() { return id; } public void setId(Integer id) { this.id = id; } }\n";
    MigrationPlan property = caseProject("audit10", "s2-access-field", "s2-twin").file("src/main/java/r/BaseEntity.java", base).plan();
    assertFalse(cached(property, "DishService.getAll"), property.targets().toString());
  }
}
