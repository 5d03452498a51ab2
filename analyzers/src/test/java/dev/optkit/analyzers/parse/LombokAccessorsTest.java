package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lombok's generated accessors are what the solver sees of a project type, as the compiler does: a call taking a
 * getter's answer resolves, and a library chain with it is looked up (a blind trial's Jdbi DAOs binding
 * {@code customer.getName()} of a {@code @Data} entity: 12 of 28 queries missed).
 */
class LombokAccessorsTest {
  @TempDir Path dir;

  private static List<String> added(String source) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    int before = unit.findAll(MethodDeclaration.class).size();
    LombokAccessors.addTo(unit);
    List<MethodDeclaration> methods = unit.findAll(MethodDeclaration.class);
    return methods.subList(before, methods.size()).stream()
        .map(m -> m.getType() + " " + m.getNameAsString() + "(" + m.getParameters().size() + ")").sorted().toList();
  }

  @Test
  void aDataClassGetsLombokGettersAndSettersByItsNamingRules() {
    assertEquals(List.of("Boolean getValid(0)", "String getName(0)", "boolean isActive(0)", "boolean isOpen(0)",
            "long getId(0)", "void setActive(1)", "void setName(1)", "void setOpen(1)", "void setSecret(1)",
            "void setValid(1)"),
        added("""
            package model;
            import lombok.AccessLevel;
            import lombok.Data;
            import lombok.Getter;
            @Data
            public class Customer {
              private String name;
              private boolean active;
              private Boolean valid;
              private boolean isOpen;
              private final long id = 1;
              private static int count;
              @Getter(AccessLevel.NONE) private String secret;
              private String label;
              public String getLabel() { return label.trim(); }
              public void setLabel(String label) { this.label = label; }
            }
            """));
  }

  @Test
  void onlyWhatLombokGeneratesIsAdded() {
    // a field's own @Getter on a class without one; @Value's fields are final: getters only
    assertEquals(List.of("String getCode(0)", "int getSize(0)"), added("""
        package model;
        import lombok.Getter;
        import lombok.Value;
        public class Parts {
          @Getter private String code;
          private String hidden;
          @Value public static class Size { int size; }
        }
        """));
    // renamed accessors (fluent ones) are not the defaults: none; an annotation of another package named Data: none
    assertEquals(List.of(), added("""
        package model;
        import lombok.Data;
        import lombok.experimental.Accessors;
        @Data @Accessors(fluent = true)
        public class Fluent { private String name; }
        """));
    assertEquals(List.of(), added("""
        package model;
        import com.acme.Data;
        @Data
        public class Plain { private String name; }
        """));
  }

  @Test
  void aLibraryChainBindingALombokGettersAnswerIsLookedUp() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(dir.resolve("db-1.0.jar"), Map.of(
        "com/acme/db/Db.java", """
            package com.acme.db;
            public class Db {
              public interface Callback<R> { R with(Handle handle); }
              public <R> R withHandle(Callback<R> callback) { return callback.with(new Handle()); }
            }
            """,
        "com/acme/db/Handle.java", """
            package com.acme.db;
            public class Handle {
              public Update createUpdate(String sql) { return new Update(sql); }
            }
            """,
        "com/acme/db/Update.java", """
            package com.acme.db;
            public class Update {
              private final String sql;
              Update(String sql) { this.sql = sql; }
              public Update bind(String name, String value) { return this; }
              public Update bind(String name, int value) { return this; }
              public Update bind(String name, Object value) { return this; }
              public int execute() {
                try {
                  return java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeUpdate(sql);
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """));
    Path root = dir.resolve("project");
    Files.createDirectories(root.resolve("src/main/java/app/model"));
    Files.writeString(root.resolve("src/main/java/app/model/Customer.java"), """
        package app.model;
        import lombok.Data;
        @Data
        public class Customer {
          private String name;
          private int age;
        }
        """);
    Files.writeString(root.resolve("src/main/java/app/Customers.java"), """
        package app;
        import app.model.Customer;
        import com.acme.db.Db;
        public class Customers {
          private final Db db;
          public Customers(Db db) { this.db = db; }
          public int add(Customer customer) {
            return db.withHandle(handle -> handle.createUpdate("insert into customers (name, age) values (:name, :age)")
                .bind("name", customer.getName())
                .bind("age", customer.getAge())
                .execute());
          }
        }
        """);
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(root), config.exclude(), false,
        List.of(jar), false, 1, true, config, "test", dir.resolve("cache")), Assessor.Progress.NONE);
    assertEquals(List.of("add(Customer)"), assessment.findings().stream()
        .filter(f -> f.category() == Category.DB_QUERY).map(f -> f.enclosingMethod()).toList());
  }
}
