package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 85's F5 (Krit-90/department-service's getBossOfDepartment): {@code salary.compareTo(repo.boss(id).getSalary())}
 * read a BigDecimal column off the loaded entity, on the loading call itself, and the read was refused as handing "a
 * value, or an association" to code optkit cannot see into. The association read the same way still refuses.
 */
class EntityValueColumnsTest {
  @TempDir Path dir;

  private static final String EMPLOYEE = """
      package shop;
      import jakarta.persistence.*;
      import java.math.BigDecimal;
      @Entity
      public class Employee {
          @Id @GeneratedValue private Long id;
          private BigDecimal salary;
          @ManyToOne(fetch = FetchType.LAZY) private Department department;
          public Long getId() { return id; }
          public BigDecimal getSalary() { return salary; }
          public void setSalary(BigDecimal salary) { this.salary = salary; }
          public Department getDepartment() { return department; }
      }
      """;

  private static final String DEPARTMENT = """
      package shop;
      import jakarta.persistence.*;
      @Entity
      public class Department {
          @Id @GeneratedValue private Long id;
          private String title;
          public Long getId() { return id; }
          public String getTitle() { return title; }
      }
      """;

  private static final String REPOSITORY = """
      package shop;
      import org.springframework.data.jpa.repository.JpaRepository;
      import org.springframework.data.jpa.repository.Query;
      public interface EmployeeRepository extends JpaRepository<Employee, Long> {
          @Query("select e from Employee e where e.department.id = ?1 order by e.salary desc limit 1")
          Employee boss(Long departmentId);
      }
      """;

  private static String service(String compared) {
    return """
        package shop;
        import java.math.BigDecimal;
        import java.util.List;
        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;
        @Service
        public class Pay {
            private final EmployeeRepository repo;
            public Pay(EmployeeRepository repo) { this.repo = repo; }
            /** a List argument: not cacheable itself, so the repository read is the only cache level */
            public boolean above(BigDecimal salary, Long departmentId, List<String> tags) {
                return COMPARED;
            }
            @Transactional
            public void raise(Long id, BigDecimal salary) {
                Employee employee = repo.findById(id).orElseThrow();
                employee.setSalary(salary);
                repo.save(employee);
            }
        }
        """.replace("COMPARED", compared);
  }

  private MigrationPlan plan(String name, String compared) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM).java(EMPLOYEE)
        .java(DEPARTMENT).java(REPOSITORY).java(service(compared)).plan();
  }

  private static String reason(MigrationPlan plan) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("boss("))
        .map(Refusal::reason).findFirst().orElse("cached");
  }

  @Test
  void aValueColumnReadOffTheLoadingCallIsNoAssociationHandedOn() {
    MigrationPlan value = plan("value", "salary.compareTo(repo.boss(departmentId).getSalary()) > 0");
    assertTrue(!reason(value).contains("which optkit cannot see into"), reason(value));
    MigrationPlan association = plan("association",
        "java.util.Objects.equals(salary, repo.boss(departmentId).getDepartment())");
    assertTrue(reason(association).contains("lazy association department"), reason(association));
  }
}
