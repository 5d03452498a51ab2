package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.assertCovers;
import static dev.optkit.analyzers.index.IndexSites.site;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity a repository stores, followed through type parameters: bounded, renamed and swapped across levels. */
class RepositoryEntityTypeParametersTest {
  @TempDir Path dir;

  private static final String BASE = """
      package shop;
      import jakarta.persistence.Id;
      import jakarta.persistence.MappedSuperclass;
      @MappedSuperclass
      public abstract class BaseEntity { @Id Long id; }
      """;
  private static final String ITEM = """
      package shop;
      import jakarta.persistence.Entity;
      import jakarta.persistence.Table;
      @Entity
      @Table(name = "items")
      public class Item extends BaseEntity { String name; }
      """;

  /** A bounded type parameter: BaseRepository<T extends BaseEntity> extends JpaRepository<T, Long>. */
  @Test
  void aBoundedTypeParameterIsBoundToTheRepositorysEntity() {
    ProjectIndex index = new ProjectFixture(dir).java(BASE).java(ITEM).java("""
        package shop;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.repository.NoRepositoryBean;
        @NoRepositoryBean
        public interface BaseRepository<T extends BaseEntity> extends JpaRepository<T, Long> {}
        """).java("""
        package shop;
        public interface ItemRepository extends BaseRepository<Item> {}
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final ItemRepository items;
          public Desk(ItemRepository items) { this.items = items; }
          public List<Item> all() { return items.findByName("x"); }
        }
        """).java("""
        package shop;
        import java.util.List;
        public interface ItemFinder { }
        """).assess().index();
    assertCovers(index, site(index, "shop.Desk", "all"), "table:items");
  }

  /** Type parameters renamed and swapped across two levels. */
  @Test
  void swappedTypeParametersAcrossTwoLevels() {
    ProjectIndex index = new ProjectFixture(dir).java(BASE).java(ITEM).java("""
        package shop;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Table;
        @Entity
        @Table(name = "owners")
        public class Owner extends BaseEntity { }
        """).java("""
        package shop;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.repository.NoRepositoryBean;
        @NoRepositoryBean
        public interface A<X, Y> extends JpaRepository<Y, Long> {}
        """).java("""
        package shop;
        import org.springframework.data.repository.NoRepositoryBean;
        @NoRepositoryBean
        public interface B<Y, X> extends A<Y, X> {}
        """).java("""
        package shop;
        public interface ItemRepository extends B<Owner, Item> {}
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final ItemRepository items;
          public Desk(ItemRepository items) { this.items = items; }
          public Object all() { return items.findAll(); }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.Desk", "all"), "table:items");
  }
}
