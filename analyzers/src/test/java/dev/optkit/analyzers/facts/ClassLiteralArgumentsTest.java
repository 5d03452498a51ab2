package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class literals a call is given as arguments, read from its tree once by the extractor: the planner's mock and
 * bean-lookup readers take them from the fact, where they ran a regular expression over the call's text before.
 */
class ClassLiteralArgumentsTest {
  @TempDir Path dir;

  @Test
  void eachCallKnowsTheClassLiteralsItIsGivenAndWhatTheyName() {
    var assessment = new ProjectFixture(dir).java("""
        package shop;
        import legacy.Archive;
        import static org.mockito.Mockito.mock;
        class Shop {
          Object mocked() { return mock(ItemDao.class); }
          Object imported() { return org.mockito.Mockito.spy(Archive.class); }
          Object written() { return lookup(shop.ItemDao.class, "x", (int[].class)); }
          Object unknown() { return lookup(Missing.class); }
          Object nested() { return lookup(Shop.Inner.class); }
          Object none() { return lookup("itemDao"); }
          Object lookup(Object... any) { return any; }
          static class Inner {}
        }
        """).java("""
        package shop;
        public interface ItemDao {}
        """).assess();
    Map<String, List<ClassLiteral>> literals = new TreeMap<>();
    assessment.index().methods().forEach(m -> literals.put(m.fact().name(), m.fact().calls().stream()
        .flatMap(call -> call.classLiterals().stream()).toList()));
    assertEquals(List.of(new ClassLiteral("ItemDao", "shop.ItemDao")), literals.get("mocked"));
    assertEquals(List.of(new ClassLiteral("Archive", "legacy.Archive")), literals.get("imported"));
    assertEquals(List.of(new ClassLiteral("shop.ItemDao", "shop.ItemDao"), new ClassLiteral("int", null)),
        literals.get("written"));
    assertEquals(List.of(new ClassLiteral("Missing", null)), literals.get("unknown"));
    assertEquals(List.of(new ClassLiteral("Shop.Inner", "shop.Shop.Inner")), literals.get("nested"));
    assertEquals(List.of(), literals.get("none"));
  }
}
