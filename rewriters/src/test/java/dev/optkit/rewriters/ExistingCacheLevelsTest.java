package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One cache level per data: a cache the project already has (MyBatis's, or its own {@code @Cacheable} on an
 * interface method, which covers the implementation) is the decisive reason, a Spring cache its own class calls
 * through {@code this} is no level below the caller, a read under a {@code @CachePut} is under no cache, a service
 * read nothing calls gives way to the read its callers use, and a writer carrying the authors' plain {@code
 * @Cacheable} takes an eviction beside it, where one with {@code sync = true} does not. Each case's comment names
 * the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came
 * from, and its project (a case naming none is from the first audit, a review of 30 refusals on four projects);
 * each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class ExistingCacheLevelsTest extends SpringProjectPlans {
  // ---- a cache the project already has is the decisive reason (jpetstore's getAccount, getItem)

  @Test
  void readsMyBatisCachesAreRefusedForThatBeforeWhatCallersDoWithTheResult() {
    MigrationPlan plan = spring("mybatis")
        .file("src/main/resources/shop/ItemMapper.xml", """
            <?xml version="1.0" encoding="UTF-8" ?>
            <mapper namespace="shop.ItemMapper">
              <cache />
              <select id="item" resultType="shop.Item">SELECT id, name FROM item WHERE id = #{id}</select>
            </mapper>
            """)
        .java("""
            package shop;

            public class Item {
                private String name;

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }
            }
            """)
        .java("""
            package shop;

            import org.apache.ibatis.annotations.Mapper;

            @Mapper
            public interface ItemMapper {
                Item item(String id);
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Catalog {
                private final ItemMapper items;

                public Catalog(ItemMapper items) {
                    this.items = items;
                }

                public Item item(String id) {
                    return items.item(id);
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Shop {
                private final Catalog catalog;

                public Shop(Catalog catalog) {
                    this.catalog = catalog;
                }

                public String shout(String id) {
                    Item item = catalog.item(id);
                    item.setName(item.getName().toUpperCase());
                    return item.getName();
                }
            }
            """)
        .plan();
    String why = refusal(plan, "item").orElse("cached");
    assertTrue(why.startsWith("its queries are already cached by MyBatis's second-level cache"), why);
  }

  // ---- one cache level per data: a cache its own class calls through 'this' is no level below (filmorate getFilms)

  @Test
  void aSpringCacheItsClassCallsThroughThisIsNoLevelBelowTheCaller() {
    String dao = MigrationSafetyTest.bean("FilmDao", "Repository", "import org.springframework.stereotype.Repository;", """
            public java.util.List<String> names() {
                return jdbc.queryForList("SELECT name FROM film", String.class);
            }
        """);
    String service = """
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Service;

        @Service
        public class Films {
            private final FilmDao films;

            public Films(FilmDao films) {
                this.films = films;
            }

            public List<String> all() {
                return List.copyOf(films.names());
            }

            public List<String> popular(int count) {
                List<String> all = new ArrayList<>(all());
                return List.copyOf(all.subList(0, Math.min(count, all.size())));
            }
        }
        """;
    String controller = """
        package shop;

        import java.util.List;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class FilmController {
            private final Films films;

            public FilmController(Films films) {
                this.films = films;
            }

            @GetMapping("/films")
            public List<String> list() {
                return films.all();
            }

            @GetMapping("/films/popular")
            public List<String> popular() {
                return films.popular(10);
            }
        }
        """;
    MigrationPlan plan = spring("self").java(dao).java(service).java(controller).plan();
    assertTrue(cached(plan, "Films.all"), plan.refusals().toString());
    // the DAO below is refused naming a level that stays cached
    String names = refusal(plan, "names").orElse("cached");
    assertTrue(names.startsWith("called by Films."), names);
    assertFalse(names.contains("Films.popular()") && !cached(plan, "Films.popular"), names);
  }

  /**
   * Twelfth audit, g1: the authors' {@code @Cacheable} on an interface method covers its implementation (Spring finds
   * it there); a second cache on the implementation would replace theirs, so it is not proposed.
   */
  @Test
  void anInterfacesCacheableCoversItsImplementation() {
    MigrationPlan plan = casePlan("audit12", "g1");
    assertFalse(cached(plan, "IconServiceImpl.names"), plan.targets().toString());
  }

  /**
   * Twelfth audit, a service read nothing calls, in an application with handlers, is no cache level: the repository
   * read a handler does use is cached in its place (afisha's EventTypeService.getById stood above
   * EventTypeRepository.findById).
   */
  @Test
  void anUncalledReadGivesWayToTheOneItsCallersUse() {
    MigrationPlan plan = casePlan("audit12", "uncalled");
    assertFalse(cached(plan, "EventService.getById"), plan.targets().toString());
    assertTrue(reason(plan, "EventService.getById").contains("no production code"), reason(plan, "EventService.getById"));
    assertTrue(cached(plan, "EventRepository.findById"), plan.refusals().toString());
  }

  /**
   * Thirteenth audit, s15: a read below the project's own cache is refused for that cache, not for what callers do
   * above it.
   */
  @Test
  void aReadBelowTheProjectsCacheSaysSo() {
    MigrationPlan plan = casePlan("audit13", "s15");
    assertTrue(reason(plan, "RestaurantRepository.getAll").contains("already cached"), reason(plan, "getAll"));
  }

  /**
   * Sixteenth audit, S28: a writer carrying the authors' plain {@code @Cacheable} takes an eviction beside it (Spring
   * runs it after the call, answered from the cache or not); beside {@code sync = true}, which Spring wants alone, the
   * read stays refused. (The fixture's count is printed by describe(); in the audit's project a validation threw on it
   * before a delete, which guards the delete: cache.guards-writes, GuardsWritesProof.)
   */
  @Test
  void aPlainCacheableWriterTakesTheEvictionASynchronizedOneDoesNot() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s28")).resources("/audit16/s28").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("VoteRepository.countVotesByRestaurantId")
        && t.toString().contains("name=create")), plan.refusals().toString());
    String writer = MigrationFixture.after(plan, "src/main/java/r/VoteService.java");
    assertTrue(writer.contains("@Cacheable(\"votes\")") && writer.contains("@CacheEvict"), writer);

    MigrationPlan sync = new MigrationFixture(dir.resolve("s28sync")).resources("/audit16/s28sync").plan();
    assertTrue(sync.refusals().stream().anyMatch(r -> r.reason().contains("synchronized")), sync.refusals().toString());
  }

  /**
   * Trial 88's fourth cause (rentACar-Redis-Cache's BrandManager.update()): a read under a {@code @CachePut} method was
   * "called by BrandManager.update(), which is already cached", though a put always runs; under a {@code @Cacheable}
   * one it still is.
   */
  @Test
  void aReadUnderACachePutIsUnderNoCache() {
    MigrationPlan put = new MigrationFixture(dir.resolve("put")).resources("/trial88/r4").plan();
    assertTrue(refusalStartingWith(put, "findByDeletedDate(").map(r -> !r.contains("already cached")).orElse(true),
        refusalStartingWith(put, "findByDeletedDate(").toString());
    MigrationPlan cacheable = new MigrationFixture(dir.resolve("cacheable")).resources("/trial88/r4")
        .file("src/main/java/repro/four/BrandReader.java", """
            package repro.four;
            import org.springframework.cache.annotation.Cacheable;
            import org.springframework.stereotype.Service;
            @Service
            public class BrandReader {
                private final BrandRules rules;
                public BrandReader(BrandRules rules) { this.rules = rules; }
                @Cacheable("checked")
                public boolean check(java.time.LocalDateTime at) { rules.notDeleted(at); return true; }
            }
            """).plan();
    assertTrue(refusalStartingWith(cacheable, "findByDeletedDate(").map(r -> r.contains("BrandReader.check(), which is already cached"))
        .orElse(false), refusalStartingWith(cacheable, "findByDeletedDate(").toString());
  }

  /**
   * A report over a read the project caches itself, on its class (p1) or its interface (p2).
   * (From hostile review 37, cases p1, p2.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"p1", "p2"})
  void aReadOverTheProjectsOwnCacheIsRefused(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "ReportService.report"), plan.targets().toString());
  }

  /**
   * An interface's @Caching that only evicts is no cache: the report's reads through it are evicted by their writer (p3).
   * (From hostile review 37, case p3.)
   */
  @org.junit.jupiter.api.Test
  void anEvictOnlyAnnotationHidesNoRead() {
    MigrationPlan plan = casePlan("hostile37", "p3");
    assertFalse(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("ReportService.report"))
        .anyMatch(t -> !t.toString().contains("name=rename")), plan.targets().toString());
  }

  /**
   * Trial 42: with a Groovy test spec unread no cache is proven, yet the repository read was refused as "called by
   * PersonService.exists(), which is cached in this migration", which was refused in turn: both now say why.
   * (From the false reasons of 2026-11-26: trial 42; RefusalIdsTest holds its ids too.)
   */
  @Test
  void noReadIsSaidToBeBelowACacheThatIsNotMade() {
    MigrationPlan plan = caseProject("reasons43", "groovylevel").plan();
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.OUTER_LEVEL_CACHED),
        plan.refusals().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("existsByName")
        && r.proof() == Proof.UNREAD_SOURCE), plan.refusals().toString());
  }
}
