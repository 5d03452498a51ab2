package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 98 (gtiwari333/spring-boot-blog-app): {@code repo.findAll(pageable).map(..)} runs Spring Data's Page.map, a
 * type the facts do not name, so every project method named map may be the one called; one of them, a MapStruct
 * mapper's {@code map(ReceivedFile)}, has an implementation, and the refusal called that implementation "the entity
 * NoteMapperImpl" overriding map() with code reading the note's lazy associations. Only the entity's own methods have
 * such overrides; the entity's subclass overriding the method called on it still refuses.
 */
class EntityOwnReadsTest {
  @TempDir Path dir;

  private static final String ITEM = """
      package r;
      import jakarta.persistence.*;
      @Entity
      public class Item {
        @Id Long id; String name; boolean active;
        @ManyToOne(fetch = FetchType.LAZY) Tag tag;
        public String getName() { return name; }
        public void setName(String n) { name = n; }
        public Tag getTag() { return tag; }
        public String label() { return name; }
      }
      """;

  private static final String SERVICE = """
      package r;
      import java.util.List;
      import org.springframework.stereotype.Service;
      @Service
      public class Labels {
        private final ItemRepository repo;
        public Labels(ItemRepository repo) { this.repo = repo; }
        public List<String> labels(boolean active) {
          return repo.findByActive(active).stream().map(Item::label).toList();
        }
      }
      """;

  private MigrationPlan plan(String name, String... extra) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).resources("/audit8/s8-overload")
        .file("src/main/java/r/ItemService.java", "package r; class ItemService {}")
        .file("src/main/java/r/Item.java", ITEM)
        .file("src/main/java/r/Tag.java", "package r;\nimport jakarta.persistence.*;\n@Entity public class Tag { @Id Long id; "
            + "String name; public String getName() { return name; } }\n")
        .file("src/main/java/r/ItemRepository.java", "package r;\nimport java.util.List;\npublic interface ItemRepository "
            + "extends org.springframework.data.jpa.repository.JpaRepository<Item, Long> {\n  List<Item> findByActive(boolean active);\n}\n")
        .file("src/main/java/r/Labels.java", SERVICE);
    for (int i = 0; i < extra.length; i += 2) {
      fixture.file(extra[i], extra[i + 1]);
    }
    return fixture.plan();
  }

  private static String reasons(MigrationPlan plan) {
    return plan.refusals().stream().map(Refusal::reason).toList().toString();
  }

  @Test
  void anotherClassesMethodOfTheSameNameIsNoOverrideOfTheEntity() {
    MigrationPlan plan = plan("mapper",
        "src/main/java/r/TagMapper.java", "package r;\npublic interface TagMapper {\n  String map(Tag tag);\n}\n",
        "src/main/java/r/TagMapperImpl.java", "package r;\npublic class TagMapperImpl implements TagMapper {\n"
            + "  public String map(Tag tag) { return tag.getName().trim(); }\n}\n",
        "src/main/java/r/Pages.java", """
            package r;
            import org.springframework.data.domain.Page;
            import org.springframework.data.domain.Pageable;
            import org.springframework.stereotype.Service;
            @Service
            public class Pages {
              private final ItemRepository repo;
              public Pages(ItemRepository repo) { this.repo = repo; }
              public Page<String> names(Pageable pageable) {
                return repo.findAll(pageable).map(item -> item.getName());
              }
            }
            """);
    assertTrue(!reasons(plan).contains("which the entity TagMapperImpl overrides"), reasons(plan));
  }

  @Test
  void theEntitysSubclassOverridingTheMethodStillRefuses() {
    MigrationPlan plan = plan("subclass", "src/main/java/r/TaggedItem.java", """
        package r;
        import jakarta.persistence.*;
        @Entity
        public class TaggedItem extends Item {
          @Override public String label() { return getTag().getName(); }
        }
        """);
    assertTrue(reasons(plan).contains("which the entity TaggedItem overrides with code that may read its lazy "
        + "associations (tag)"), reasons(plan));
  }
}
