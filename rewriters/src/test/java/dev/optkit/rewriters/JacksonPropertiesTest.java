package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 63: what Jackson writes of a class and sets back decides what a Redis hit holds. A field Jackson
 * skips, a getter or setter doing more than hand over its field, and the project's own Jackson annotations each
 * refuse the class, with what they are; a derived getter (no field of its name) is written and ignored when read,
 * so its class is cached. Each case is a DTO a JDBC read builds, refused or cached with the redis backend.
 */
class JacksonPropertiesTest {
  @TempDir Path dir;

  private static final String POM = RedisBackendTest.BOOT_POM.replace("</dependencies>", """
          <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-jdbc</artifactId>
          </dependency>
        </dependencies>""");

  /** A DTO with a name and what the case adds, read from a row. */
  private String reason(String name, String imports, String members) {
    String dto = """
        package shop;

        %s

        public class Account {
            private String name;
        %s
            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }
        }
        """.formatted(imports, members);
    MigrationPlan plan = new MigrationFixture(dir.resolve(name)).file("pom.xml", POM).java(dto)
        .java(MigrationSafetyTest.bean("Accounts", "Repository", "import org.springframework.stereotype.Repository;", """
            public Account account(long id) {
                return jdbc.queryForObject("SELECT name FROM account WHERE id = ?", (rs, n) -> {
                    Account account = new Account();
                    account.setName(rs.getString(1));
                    return account;
                }, id);
            }
        """)).config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("account("))
        .map(Refusal::reason).findFirst().orElse(plan.targets().isEmpty() ? "nothing cached: " + plan.notCacheable()
            : "cached");
  }

  private static final String PREFIX = "with the redis backend its result must come back from JSON as the same value of "
      + "the same class, and ";

  @Test
  void aPlainClassAndOneWithADerivedGetterAreCached() {
    assertEquals("cached", reason("plain", "", ""));
    // V5: getFullName() with no field: written, ignored when read (the mapper does not fail on it)
    assertEquals("cached", reason("derived", "", """
            public String getFullName() {
                return "Ms " + name;
            }
        """));
  }

  @Test
  void aFieldJacksonSkipsIsRefused() {
    // V3: @JsonIgnore passwordHash came back null on every hit (here a field no secret check reads)
    assertTrue(reason("ignored", "import com.fasterxml.jackson.annotation.JsonIgnore;", """
            @JsonIgnore
            private String internalNote;
        """).startsWith(PREFIX + "Account carries @JsonIgnore"), reason("ignored", "", ""));
    // V5: a transient field a @PostLoad or the constructor filled
    String transientReason = reason("transient", "", """
            private transient String display;
        """);
    assertTrue(transientReason.startsWith(PREFIX + "Account.display is transient"), transientReason);
    // V4: @Getter(AccessLevel.NONE) under a class-level @Data
    String lombok = reason("lombok", "import lombok.AccessLevel;\nimport lombok.Getter;", """
            @Getter(AccessLevel.NONE)
            private String memo;
        """);
    assertTrue(lombok.startsWith(PREFIX + "Account.memo has a Lombok getter of access NONE"), lombok);
  }

  @Test
  void theProjectsJacksonAnnotationsAreRefused() {
    // V6: @JsonFormat dropped the seconds; V7: @JsonUnwrapped failed every call
    String format = reason("format", "import com.fasterxml.jackson.annotation.JsonFormat;", """
            @JsonFormat(pattern = "yyyy-MM-dd HH:mm")
            private java.time.LocalDateTime startsAt;
        """);
    assertTrue(format.startsWith(PREFIX + "Account carries @JsonFormat"), format);
    String writeOnly = reason("writeOnly", "import com.fasterxml.jackson.annotation.JsonProperty;", """
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            private String draft;
        """);
    assertTrue(writeOnly.startsWith(PREFIX + "Account carries @JsonProperty"), writeOnly);
    // a renamed property reads back under the same name, and ignoreUnknown only tolerates more: cached
    assertEquals("cached", reason("renamed", "import com.fasterxml.jackson.annotation.JsonProperty;", """
            @JsonProperty("full_name")
            private String fullName;

            public String getFullName() {
                return fullName;
            }
        """));
  }

  @Test
  void aGetterOrSetterDoingMoreThanItsFieldIsRefused() {
    String getter = reason("getter", "", """
            private String code;

            public String getCode() {
                return code.toUpperCase();
            }
        """);
    assertTrue(getter.startsWith(PREFIX + "Account.getCode() does more than return its field code"), getter);
    String setter = reason("setter", "", """
            private String code;

            public String getCode() {
                return code;
            }

            public void setCode(String code) {
                this.code = this.code + code;
            }
        """);
    assertTrue(setter.startsWith(PREFIX + "Account.setCode() does more than set its field code"), setter);
  }

  /** The reason for a read returning {@code type}, made by {@code value} from a row, with the given sources beside. */
  private String reasonOf(String name, String type, String value, String... sources) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).file("pom.xml", POM);
    for (String source : sources) {
      fixture.java(source);
    }
    MigrationPlan plan = fixture.java(MigrationSafetyTest.bean("Accounts", "Repository",
        "import org.springframework.stereotype.Repository;", """
            public TYPE account(long id) {
                return jdbc.queryForObject("SELECT name FROM account WHERE id = ?", (rs, n) -> VALUE, id);
            }
        """.replace("TYPE", type).replace("VALUE", value))).config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("account("))
        .map(Refusal::reason).findFirst().orElse(plan.targets().isEmpty() ? "nothing cached" : "cached");
  }

  /** Hostile review 65: each shape came back otherwise from Redis, or failed; each is refused for what it has. */
  @Test
  void whatJacksonWritesOtherwiseThanTheClassHoldsIsRefused() {
    String record = """
        package shop;

        public record Login(String username, @com.fasterxml.jackson.annotation.JsonIgnore String hash) {}
        """;
    assertTrue(reasonOf("A3", "Login", "new Login(rs.getString(1), \"h\")", record)
        .startsWith(PREFIX + "Login carries @JsonIgnore"));
    String link = """
        package shop;

        public record Link(String href) {
            public Link {
                href = "https://api.example.com" + href;
            }
        }
        """;
    assertTrue(reasonOf("A6", "Link", "new Link(rs.getString(1))", link)
        .startsWith(PREFIX + "Link's constructor changes what it is given"));
    String card = """
        package shop;

        public record Card(String number) {
            public String number() {
                return "**** " + number.substring(number.length() - 4);
            }
        }
        """;
    assertTrue(reasonOf("A5", "Card", "new Card(rs.getString(1))", card)
        .startsWith(PREFIX + "Card.number() is written by hand"));
    String included = reason("A1", "import com.fasterxml.jackson.annotation.JsonInclude;", """
            @JsonInclude(JsonInclude.Include.NON_NULL)
            private String currency = "EUR";
        """);
    assertTrue(included.startsWith(PREFIX + "Account carries @JsonInclude"), included);
    String flag = reason("B2", "", """
            private boolean isActive;

            public boolean isActive() {
                return isActive;
            }
        """);
    assertTrue(flag.startsWith(PREFIX + "Account.isActive is a boolean named is..."), flag);
    String coordinate = reason("B1", "", """
            private double xCoordinate;

            public double getXCoordinate() {
                return xCoordinate;
            }
        """);
    assertTrue(coordinate.startsWith(PREFIX + "Account.getXCoordinate() names the property xcoordinate"), coordinate);
    String derivedSetter = reason("B8", "", """
            public String getDisplayName() {
                return name;
            }

            public void setDisplayName(String displayName) {
                this.name = displayName.trim();
            }
        """);
    assertTrue(derivedSetter.startsWith(PREFIX + "Account.setDisplayName() sets no field of its name"), derivedSetter);
    String masked = """
        package shop;

        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
        @com.fasterxml.jackson.annotation.JacksonAnnotationsInside
        @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = MaskSerializer.class)
        public @interface Masked {}
        """;
    String customer = """
        package shop;

        public class Customer {
            @Masked
            private String iban;

            public String getIban() {
                return iban;
            }

            public void setIban(String iban) {
                this.iban = iban;
            }
        }
        """;
    assertTrue(reasonOf("A7", "Customer", "new Customer()", masked, customer)
        .startsWith(PREFIX + "Customer carries @Masked, an annotation of the project's own"));
    // a project annotation with nothing of Jackson's on it (a validation constraint) leaves the JSON alone: cached
    String constraint = """
        package shop;

        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
        public @interface Iban {}
        """;
    assertEquals("cached", reasonOf("A7b", "Customer", "new Customer()", constraint, customer.replace("@Masked", "@Iban")));
    String view = """
        package shop;

        public interface NameView {
            String getName();
        }
        """;
    assertTrue(reasonOf("C5", "NameView", "rs::getCursorName", view).startsWith(PREFIX + "NameView is an interface"));
    String lines = """
        package shop;

        public class Lines extends java.util.ArrayList<String> {
            private int total;

            public int getTotal() {
                return total;
            }

            public void setTotal(int total) {
                this.total = total;
            }
        }
        """;
    assertTrue(reasonOf("C8", "Lines", "new Lines()", lines).startsWith(PREFIX + "Lines extends ArrayList"));
    String node = """
        package shop;

        public class Node {
            private Node parent;

            public Node getParent() {
                return parent;
            }

            public void setParent(Node parent) {
                this.parent = parent;
            }
        }
        """;
    assertTrue(reasonOf("C9", "Node", "new Node()", node).startsWith(PREFIX + "Node refers back to itself"));
    assertTrue(reasonOf("D", "java.time.Duration", "java.time.Duration.ofMillis(rs.getLong(1))")
        .startsWith(PREFIX + "Duration comes back from JSON otherwise when it is negative"));
  }
}
