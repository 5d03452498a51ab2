package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusal reasons the ninth audit (60 refusals on three projects no audit had read, 2026-11-26) found false, each
 * beside a true twin. Its smallest projects are under {@code src/test/resources/audit9/}, as it wrote them.
 */
class NinthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationFixture project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit9/" + name);
  }

  // ---- a @Modifying query method nothing calls (bugisthegod/techmart-ecommerce-backend: 12 refusals "a writer of
  // its data cannot evict it: ...Repository.xxx() writes ... but it has no body to evict from")

  @Test
  void aBodilessWriterNothingCallsWritesNothing() {
    MigrationPlan plan = project("s18-uncalled-writer").plan();
    assertFalse(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("has no body to evict from")),
        plan.refusals().toString());
    // its true twin: a service calls it, and the read is evicted there
    MigrationPlan called = project("s18-uncalled-writer").file("src/main/java/r/Purger.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class Purger {
          private final ItemRepository repo; public Purger(ItemRepository repo){this.repo=repo;}
          public void purge() { repo.purgeInactive(); }
        }
        """).plan();
    assertTrue(called.targets().stream().filter(t -> t.method().fact().displayName().equals("ItemListener.report"))
        .allMatch(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("Purger.purge"))),
        called.targets().toString());
  }

  // ---- a change made to what a call through 'this' returned (techmart's CategoryServiceImpl.updateCategory: Category c
  // = findCategoryById(id); BeanUtils.copyProperties(request, c)): Spring's proxy never serves a self-call from the cache

  @Test
  void aChangeToWhatASelfCallReturnedIsNoChangeToTheCachedObject() {
    MigrationPlan plan = project("s19-selfcall")
        .file("src/main/resources/application.properties", "spring.jpa.open-in-view=false\n").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.find")),
        plan.refusals().toString());
    // its true twins: the setting commented out, or absent (Boot's default), so open in view is on: one persistence
    // context spans the request, and the entity a self-call changes is the instance a later proxied call of the same
    // request caches (hostile review 32, a2b) -- here a handler that renames and then reads (without it, no request
    // runs both, and the read is cached: SixteenthAuditReasonsTest's S29)
    String renameThenRead = """
        package r;
        import org.springframework.web.bind.annotation.*;
        @RestController public class CatRenamer {
          private final CatService s; public CatRenamer(CatService s){this.s=s;}
          @PostMapping("/cats/{id}/name") public String rename(@PathVariable Long id, @RequestBody String n) {
            s.rename(id, n); return s.find(id).getName();
          }
        }
        """;
    MigrationPlan commented = new MigrationFixture(dir.resolve("s19-commented")).resources("/audit9/s19-selfcall")
        .file("src/main/resources/application.properties", "# spring.jpa.open-in-view=false\n")
        .file("src/main/java/r/CatRenamer.java", renameThenRead).plan();
    assertFalse(commented.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.find")),
        commented.targets().toString());
    MigrationPlan inView = new MigrationFixture(dir.resolve("s19-in-view")).resources("/audit9/s19-selfcall")
        .file("src/main/java/r/CatRenamer.java", renameThenRead).plan();
    assertFalse(inView.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.find")),
        inView.targets().toString());
    // its true twin: another bean, through the proxy, changes what it gets
    MigrationPlan other = new MigrationFixture(dir.resolve("s19-other")).resources("/audit9/s19-selfcall")
        .file("src/main/resources/application.properties", "spring.jpa.open-in-view=false\n")
        .file("src/main/java/r/Renamer.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class Renamer {
          private final CatService cats; public Renamer(CatService cats){this.cats=cats;}
          public void shout(Long id) { Cat c = cats.find(id); c.setName(c.getName().toUpperCase()); }
        }
        """).plan();
    assertTrue(other.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("find(")
        && r.reason().contains("Renamer.shout() changes the result it gets")), other.refusals().toString());
  }

  // ---- a column set on what a repository read loaded writes that entity's row, not the tables its associations reach
  // (ravan's CartService.addItemToCart, item.setQuantity(...): "changes what findByUserAndProduct() loaded (cartitems,
  // products, users)", so it evicted product caches and was named a missing evictor of the authors' products cache)

  private MigrationPlan cart(String change) {
    return new MigrationFixture(dir.resolve("cart" + Math.abs(change.hashCode()))).file("pom.xml", SPRING_POM)
        .file("src/main/java/r/Product.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class Product { @Id Long id; String name;
              public String getName(){return name;} public void setName(String n){name=n;} }
            """)
        .file("src/main/java/r/CartItem.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class CartItem { @Id Long id; int quantity; @ManyToOne(fetch = FetchType.EAGER) Product product;
              public int getQuantity(){return quantity;} public void setQuantity(int q){quantity=q;}
              public Product getProduct(){return product;} }
            """)
        .file("src/main/java/r/ProductRepository.java", """
            package r;
            public interface ProductRepository extends org.springframework.data.jpa.repository.JpaRepository<Product, Long> {}
            """)
        .file("src/main/java/r/CartItemRepository.java", """
            package r;
            public interface CartItemRepository extends org.springframework.data.jpa.repository.JpaRepository<CartItem, Long> {}
            """)
        .file("src/main/java/r/ProductQueries.java", """
            package r;
            import org.springframework.stereotype.Service;
            @Service public class ProductQueries {
              private final ProductRepository products; public ProductQueries(ProductRepository products){this.products=products;}
              public java.util.List<String> names() { return products.findAll().stream().map(Product::getName).toList(); }
            }
            """)
        .file("src/main/java/r/CartService.java", """
            package r;
            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;
            @Service public class CartService {
              private final CartItemRepository items; public CartService(CartItemRepository items){this.items=items;}
              @Transactional public void change(Long id) { CartItem item = items.findById(id).orElseThrow(); %s; }
            }
            """.formatted(change)).plan();
  }

  private static final String SPRING_POM = """
      <project><modelVersion>4.0.0</modelVersion><groupId>r</groupId><artifactId>cart</artifactId><version>1</version>
        <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
          <version>3.3.0</version></parent>
        <dependencies><dependency><groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-data-jpa</artifactId></dependency></dependencies></project>
      """;

  private static boolean evictedBy(MigrationPlan plan, String cached, String writer) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(cached)).findFirst()
        .map(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals(writer)))
        .orElseThrow(() -> new AssertionError(cached + " not cached: " + plan.refusals()));
  }

  @Test
  void aColumnSetOnTheLoadedEntityWritesItsOwnRowOnly() {
    MigrationPlan plan = cart("item.setQuantity(item.getQuantity() + 1)");
    assertFalse(evictedBy(plan, "ProductQueries.names", "CartService.change"), plan.targets().toString());
    // its true twin: the change is made on the product the item reaches, which the flush writes too
    MigrationPlan part = cart("item.getProduct().setName(\"renamed\")");
    assertTrue(evictedBy(part, "ProductQueries.names", "CartService.change"), part.targets().toString());
  }

  // ---- a @Transient field set on what a read loaded (InternetShop's order totals): no column, no write

  @Test
  void aTransientFieldSetIsNoWrite() {
    MigrationPlan plan = project("s17-transient").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("it writes")), plan.refusals().toString());
    // and a count names no entity, whatever else its line holds (the repository declared on one line)
    assertFalse(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("countByItemId")
        && r.reason().contains("persistent entity")), plan.refusals().toString());
    // its true twin: the same field mapped to a column is written back at the flush
    MigrationPlan mapped = project("s17-transient").file("src/main/java/r/Line.java", """
        package r;
        import jakarta.persistence.*;
        @Entity public class Line { @Id Long id; String itemId; String label;
          public String getItemId(){return itemId;} public void setLabel(String l){label=l;} public String getLabel(){return label;} }
        """).plan();
    assertTrue(mapped.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("describe(")
        && r.reason().startsWith("it writes")), mapped.refusals().toString());
  }

  // ---- an entity copied into a DTO (techmart's UserController: BeanUtils.copyProperties(user, userResponse)), read
  // as reaching every lazy association of the entity: Spring's copier reads only what the DTO can set

  private static final String CONTROLLER_WITH = """
      package r;
      import %s;
      import org.springframework.web.bind.annotation.*;
      @RestController public class AccountController {
        private final AccountService s; public AccountController(AccountService s){this.s=s;}
        @GetMapping("/accounts/{name}") public %s get(@PathVariable String name) { %s d = new %s(); %s; return d; }
      }
      """;

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  @Test
  void anEntityCopiedIntoADtoWithoutItsLazyAssociationIsCached() {
    MigrationPlan plan = project("s21-copyprops").plan();
    assertTrue(cached(plan, "AccountService.byName"), plan.refusals().toString());
  }

  @Test
  void anEntityCopiedIntoADtoThatHasItsLazyAssociationStillRefuses() {
    // its true twin: the DTO has a grants property, so the copier reads the lazy collection and the serialiser walks it
    MigrationPlan plan = project("s21-copyprops").file("src/main/java/r/GrantsDto.java", """
        package r;
        public class GrantsDto { private String name; private java.util.List<Grant> grants;
          public void setName(String n){name=n;} public String getName(){return name;}
          public void setGrants(java.util.List<Grant> g){grants=g;} public java.util.List<Grant> getGrants(){return grants;} }
        """).file("src/main/java/r/AccountController.java", CONTROLLER_WITH.formatted("org.springframework.beans.BeanUtils",
        "GrantsDto", "GrantsDto", "GrantsDto", "BeanUtils.copyProperties(s.byName(name), d)")).plan();
    assertFalse(cached(plan, "AccountService.byName"), plan.targets().toString());
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("copies its lazy association grants")),
        plan.refusals().toString());
  }

  @Test
  void aCommonsCopyIntoTheEntityStillRefuses() {
    // its true twin: Commons BeanUtils takes (dest, orig): the cached entity (no lazy association here) is what the
    // copy writes; before, every BeanUtils.copyProperties was read as Spring's, writing its second argument
    String account = """
        package r;
        import jakarta.persistence.*;
        @Entity public class Account { @Id Long id; String name;
          public Long getId(){return id;} public String getName(){return name;} public void setName(String n){name=n;} }
        """;
    String call = "try { BeanUtils.copyProperties(s.byName(name), d); } catch (Exception e) { throw new IllegalStateException(e); }";
    MigrationPlan commons = project("s21-copyprops").file("src/main/java/r/Account.java", account)
        .file("src/main/java/r/AccountController.java", CONTROLLER_WITH.formatted(
            "org.apache.commons.beanutils.BeanUtils", "AccountDto", "AccountDto", "AccountDto", call)).plan();
    assertFalse(cached(commons, "AccountService.byName"), commons.targets().toString());
    MigrationPlan spring = new MigrationFixture(dir.resolve("s21-spring")).resources("/audit9/s21-copyprops")
        .file("src/main/java/r/Account.java", account).file("src/main/java/r/AccountController.java",
            CONTROLLER_WITH.formatted("org.springframework.beans.BeanUtils", "AccountDto", "AccountDto", "AccountDto",
                call)).plan();
    assertTrue(cached(spring, "AccountService.byName"), spring.refusals().toString());
  }

  // ---- a MongoDB query taking a JPA entity (InternetShop's ProductRepository.findByCategories(Category)): the document
  // holds its categories as sub-documents, yet its read counted as reading everything, so every writer of the
  // project was named a missing evictor of the authors' own cache

  private static List<String> gapNotes(MigrationPlan plan) {
    return plan.notes().stream().filter(n -> n.contains("is cached by the project")).toList();
  }

  @Test
  void aMongoDocumentHoldingAJpaEntityIsReadFromItsOwnCollection() {
    MigrationPlan plan = project("s22-mongo-note").plan();
    assertTrue(gapNotes(plan).isEmpty(), gapNotes(plan).toString());
    // its true twin: a writer of the category table the cached method reads through the JPA repository
    MigrationPlan twin = project("s22-mongo-note").file("src/main/java/r/CategoryService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class CategoryService {
          private final CategoryRepository cats; public CategoryService(CategoryRepository cats){this.cats=cats;}
          public void remove(Long id) { cats.deleteById(id); }
        }
        """).plan();
    assertTrue(gapNotes(twin).stream().anyMatch(n -> n.contains("CategoryService.remove()")), gapNotes(twin).toString());
    assertFalse(gapNotes(twin).stream().anyMatch(n -> n.contains("NoteService")), gapNotes(twin).toString());
  }
}
