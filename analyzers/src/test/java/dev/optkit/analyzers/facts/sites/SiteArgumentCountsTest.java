package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many arguments an I/O site's call is given, counted by the extractor from the call's tree: the planner keys a
 * query method's overloads apart by it ({@code OutermostTargets}), where it parsed the site's snippet again before
 * (and a snippet cut short told nothing).
 */
class SiteArgumentCountsTest {
  @TempDir Path dir;

  @Test
  void eachSiteKnowsHowManyArgumentsItsCallIsGiven() {
    var assessment = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        public interface Books extends JpaRepository<Book, Long> {
          List<Book> findByTitle(String title);
          List<Book> findByTitleAndYear(String title, int year);
        }
        """).java("""
        package shop;
        public class Book { Long id; String title; }
        """).java("""
        package shop;
        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class Shop {
          JdbcTemplate jdbc;
          Books books;
          Object one(String t) { return books.findByTitle(t); }
          Object two(String t) { return books.findByTitleAndYear(t, 2000); }
          Object count() { return jdbc.queryForObject("select count(*) from book where title = '"
              + "a title long enough that the site's snippet is cut short before the call's arguments end, "
              + "so the snippet parsed again would count nothing at all" + "'", Long.class); }
          Object reference(List<String> titles) { return titles.stream().map(books::findByTitle).toList(); }
        }
        """).assess();
    Map<String, List<Integer>> counts = new TreeMap<>();
    assessment.index().methods().stream().filter(m -> m.fact().ownerType().equals("shop.Shop"))
        .forEach(m -> counts.put(m.fact().name(), assessment.index().sitesOf(m).stream()
            .map(IoSite::argumentCount).toList()));
    assertEquals(List.of(1), counts.get("one"));
    assertEquals(List.of(2), counts.get("two"));
    assertEquals(List.of(2), counts.get("count"));
    assertEquals(List.of(-1), counts.get("reference"), "a method reference is given no arguments it shows");
  }
}
