package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 85's false reasons on Krit-90/department-service (F4, and its forEach over an entity's association), each
 * beside a true one, and F3, still refused (resources trial85/r3, the service's shapes cut down).
 */
class TrialEightyFiveDepartmentTest {
  @TempDir Path dir;

  private static final String SERVICE = "src/main/java/d/DepartmentService.java";

  /**
   * F3 stays refused: "hands what findById() loaded to DepartmentIterator.next(), which changes it (assigns field
   * nextDepartment)". Setting the iterator's own field changes no entity, but an allowance for it (and for polling its
   * own {@code new LinkedList<>()}) was dropped after hostile review 94 served stale answers through it: the facts of
   * {@code next()} miss changes made to what it takes out of its queue ({@code queue.peek().setTitle(..)}, a tag list
   * cleared through a local), which the field assignment's refusal had covered. The shape and review 94's c02 refuse.
   */
  @Test
  void anIteratorOverTheEntitysChildrenStillRefuses() throws Exception {
    for (String service : List.of(service(), service().replace("            nextDepartment = queue.poll();",
        "            queue.peek().setTitle(queue.peek().getTitle() + \"!\");\n            nextDepartment = queue.poll();"))) {
      MigrationPlan plan = plan("iterator" + service.length(), service);
      assertTrue(reasonOf(plan, "getAllSubordinateDepartments(").map(r -> r.contains("DepartmentIterator.next()"))
          .orElse(false), reasonOf(plan, "getAllSubordinateDepartments(").toString());
    }
  }

  /**
   * F4: findByTitle "inside the transaction of getDepartmentByTitle(), which may load entities before it", though it is
   * that transaction's first read, made as the argument of a mapper call. Made in a lambda the mapper call takes, it
   * may run after other reads, and still refuses.
   */
  @Test
  void aReadInAnArgumentOfAnotherCallIsTheTransactionsFirst() throws Exception {
    String counted = service().replace("    public DepartmentDto getDepartmentByTitle(String title) {\n",
        "    private int asked;\n    public DepartmentDto getDepartmentByTitle(String title) {\n        asked++;\n");
    MigrationPlan argument = plan("argument", counted);
    assertTrue(reasonOf(argument, "findByTitle(").map(r -> !r.contains("may load entities before it")).orElse(true),
        reasonOf(argument, "findByTitle(").toString());
    MigrationPlan lambda = plan("lambda", counted.replace(
        "return mapper.toDto(departmentRepository.findByTitle(title).orElseThrow(() -> new IllegalArgumentException(title)));",
        "return mapper.later(() -> departmentRepository.findByTitle(title).orElseThrow());"))
        ;
    assertTrue(reasonOf(lambda, "findByTitle(").map(r -> r.contains("may load entities before it")).orElse(false),
        reasonOf(lambda, "findByTitle(").toString());
  }

  /**
   * The forEach of a loaded entity's association runs its callback at once (the provider's collection): a writer
   * called through {@code this} in it is evicted around its caller. A getter answering something else than the field
   * may be anything, and refuses.
   */
  @Test
  void theForEachOfALoadedEntitysAssociationRunsAtOnce() throws Exception {
    MigrationPlan loaded = plan("loaded", service());
    assertCached(loaded, "getEmployeeNames");
    var cached = loaded.targets().stream().filter(t -> t.method().fact().name().equals("getEmployeeNames")).findFirst()
        .orElseThrow();
    assertTrue(cached.toString().contains("moveAllEmployees") || loaded.changes().stream().anyMatch(change ->
        change.toString().contains("moveAllEmployees")), cached.toString());
    String department = resource("src/main/java/d/Department.java");
    MigrationPlan wrapped = new MigrationFixture(dir.resolve("wrapped")).resources("/trial85/r3")
        .file("src/main/java/d/Department.java", department.replace("public Set<Employee> getEmployees() { return employees; }",
            "public Set<Employee> getEmployees() { return new Later<>(employees); }"))
        .file("src/main/java/d/Later.java", """
            package d;
            import java.util.function.Consumer;
            public class Later<T> extends java.util.HashSet<T> {
                public Later(java.util.Collection<T> items) { super(items); }
            }
            """).plan();
    assertTrue(reasonOf(wrapped, "getEmployeeNames(").map(r -> r.contains("moveAllEmployees")).orElse(false),
        reasonOf(wrapped, "getEmployeeNames(").toString());
    MigrationPlan computed = new MigrationFixture(dir.resolve("computed")).resources("/trial85/r3")
        .file("src/main/java/d/Department.java", department.replace("public Set<Employee> getEmployees() { return employees; }",
            "public Set<Employee> getEmployees() { return Registry.employeesOf(this); }"))
        .file("src/main/java/d/Registry.java", """
            package d;
            import java.util.Set;
            public class Registry {
                public static Set<Employee> employeesOf(Department department) { return Set.of(); }
            }
            """).plan();
    assertTrue(reasonOf(computed, "getEmployeeNames(").map(r -> r.contains("moveAllEmployees")).orElse(false),
        reasonOf(computed, "getEmployeeNames(").toString());
  }

  private MigrationPlan plan(String name, String service) throws Exception {
    return new MigrationFixture(dir.resolve(name)).resources("/trial85/r3").file(SERVICE, service)
        .file("src/main/java/d/DepartmentMapper.java", """
            package d;
            import org.springframework.stereotype.Component;
            @Component
            public class DepartmentMapper {
                public DepartmentDto toDto(Department department) {
                    return new DepartmentDto(department.getId(), department.getTitle());
                }
                public DepartmentDto later(java.util.function.Supplier<Department> loaded) {
                    return toDto(loaded.get());
                }
            }
            """).plan();
  }

  private String service() throws Exception {
    return resource(SERVICE);
  }

  private String resource(String path) throws Exception {
    return new String(getClass().getResourceAsStream("/trial85/r3/" + path).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void assertCached(MigrationPlan plan, String method) {
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals(method)),
        reasonOf(plan, method + "(").toString());
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }
}
