package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 85's F2 (Krit-90/department-service's getAllHigherDepartments): a method walking {@code current =
 * current.getParent()} in a loop, making a DTO of each entity and setting a count on it, was refused as "changes state
 * shared between calls: enrich() setCount on what toDto() returned": the loop-carried local's roots were expanded round
 * to the depth limit, whose unknown end read as shared. The same walk from a field's entity still refuses.
 */
class LoopCarriedRootsTest {
  @TempDir Path dir;

  @Test
  void aDtoMadeFromEachParentOfALoadedRowIsFresh() {
    MigrationPlan plan = plan("loaded", "Item current = repo.findById(id).orElseThrow();");
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("getParents")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  @Test
  void theSameWalkFromAFieldsEntityStillRefuses() {
    MigrationPlan plan = plan("field", "Item current = root;");
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getParents("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getParents"));
    assertTrue(reason.contains("setCount"), reason);
  }

  private MigrationPlan plan(String name, String start) {
    return new MigrationFixture(dir.resolve(name)).resources("/trial85/r1")
        .file("src/main/java/r/Item.java", """
            package r;
            import jakarta.persistence.*;
            @Entity
            public class Item {
                @Id @GeneratedValue Long id;
                String name;
                @ManyToOne(fetch = FetchType.EAGER) Item parent;
                public Long getId() { return id; }
                public String getName() { return name; }
                public void setName(String n) { name = n; }
                public Item getParent() { return parent; }
            }
            """)
        .file("src/main/java/r/ItemDto.java", """
            package r;
            public class ItemDto {
                private String name;
                private long count;
                public String getName() { return name; }
                public void setName(String name) { this.name = name; }
                public long getCount() { return count; }
                public void setCount(long count) { this.count = count; }
            }
            """)
        .file("src/main/java/r/ItemMapper.java", """
            package r;
            import org.springframework.stereotype.Component;
            @Component
            public class ItemMapper {
                public ItemDto toDto(Item item) {
                    ItemDto dto = new ItemDto();
                    dto.setName(item.getName());
                    return dto;
                }
            }
            """)
        .file("src/main/java/r/ItemService.java", """
            package r;
            import org.springframework.stereotype.Service;
            @Service
            public class ItemService {
                private final ItemRepository repo;
                private final ItemMapper mapper;
                private Item root;
                public ItemService(ItemRepository repo, ItemMapper mapper) { this.repo = repo; this.mapper = mapper; }
                public java.util.List<ItemDto> getParents(Long id) {
                    java.util.List<ItemDto> out = new java.util.ArrayList<>();
                    START
                    current = current.getParent();
                    while (current != null) {
                        out.add(enrich(current));
                        current = current.getParent();
                    }
                    return out;
                }
                private ItemDto enrich(Item item) {
                    ItemDto dto = mapper.toDto(item);
                    dto.setCount(repo.count());
                    return dto;
                }
                public String rename(Long id, String name) {
                    Item item = repo.findById(id).orElseThrow();
                    item.setName(name);
                    return repo.save(item).getName();
                }
                public void setRoot(Item root) { this.root = root; }
            }
            """.replace("START", start))
        // a handler reads the parents: a read nothing calls is refused for itself (cache.uncalled-beside-handlers)
        .file("src/main/java/r/ParentsController.java", """
            package r;
            @org.springframework.web.bind.annotation.RestController
            public class ParentsController {
                private final ItemService items;
                public ParentsController(ItemService items) { this.items = items; }
                @org.springframework.web.bind.annotation.GetMapping("/items/{id}/parents")
                public java.util.List<ItemDto> parents(Long id) { return items.getParents(id); }
            }
            """)
        .plan();
  }
}
