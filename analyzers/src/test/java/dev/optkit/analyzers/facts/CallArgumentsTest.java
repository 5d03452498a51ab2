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
 * What a call's arguments are, read from its tree once by the extractor (class literals, the calling method's
 * parameters they name): the planner's mock and bean-lookup readers take them from the facts, where they ran regular
 * expressions over the call's text before.
 */
class CallArgumentsTest {
  /** A surface for the entries: what other files see of a file is not what these tests check. */
  private static final dev.optkit.analyzers.parse.DeclarationSurface.Read SURFACE =
      new dev.optkit.analyzers.parse.DeclarationSurface.Read("surface", java.util.List.of(), java.util.List.of());

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
          Object within() { return lookup(java.util.List.of(ItemDao.class), this.getClass()); }
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
    assertEquals(List.of(new ClassLiteral("ItemDao", "shop.ItemDao")), literals.get("within"),
        "within an argument too (a lookup by ResolvableType.forClass(CountryDao.class))");
  }

  @Test
  void eachCallKnowsWhichOfItsMethodsParametersItsArgumentsName() {
    var assessment = new ProjectFixture(dir).java("""
        package shop;
        class Beans {
          Object context;
          <T> T bean(Object context, Class<T> type, String name) { return lookup(name, (Class<T>) type); }
          Object receiverOnly(Beans context, Object type) { return context.lookup(this.type); }
          Object nested(Object context, Object type) { return lookup(wrap(type), context, type); }
          Object none(Object type) { return lookup("type"); }
          Object type;
          <T> T lookup(Object... any) { return null; }
          Object wrap(Object any) { return any; }
        }
        """).assess();
    Map<String, List<Integer>> named = new TreeMap<>();
    assessment.index().methods().forEach(m -> m.fact().calls().stream().filter(c -> c.name().equals("lookup"))
        .forEach(call -> named.put(m.fact().name(), call.parametersInArguments())));
    assertEquals(List.of(1, 2), named.get("bean"));
    assertEquals(List.of(), named.get("receiverOnly"), "a receiver and a field access name no argument's parameter");
    assertEquals(List.of(0, 1), named.get("nested"));
    assertEquals(List.of(), named.get("none"), "a string literal's text is no name");
  }

  @Test
  void eachCallKnowsWhatKindOfValueEachArgumentIs() {
    var assessment = new ProjectFixture(dir).java("""
        package shop;
        class Keys {
          Object byName(String name, Long id, Object any) { return find(name, id, any, 'c', 2.0f); }
          Object unknown(Object any) { return find(any); }
          Object find(Object... any) { return any; }
        }
        """).assess();
    Map<String, List<ArgumentKind>> kinds = new TreeMap<>();
    assessment.index().methods().forEach(m -> m.fact().calls().stream().filter(c -> c.name().equals("find"))
        .forEach(call -> kinds.put(m.fact().name(), call.argumentKinds())));
    assertEquals(List.of(ArgumentKind.TEXT, ArgumentKind.BOXED_LONG, ArgumentKind.UNKNOWN, ArgumentKind.CHAR,
        ArgumentKind.FLOAT), kinds.get("byName"));
    assertEquals(List.of(), kinds.get("unknown"), "none known: no kinds");
  }

  @Test
  void eachCallKnowsTheConstantsItsArgumentsNameOrWrite() {
    var assessment = new ProjectFixture(dir).java("""
        package shop;
        import static shop.Levels.ISOLATION_SERIALIZABLE;
        class Levels {
          static final int ISOLATION_SERIALIZABLE = 8;
          static final int REPEATABLE = 4;
          void set(Object any) { }
          void byField() { set(Levels.REPEATABLE); }
          void byImport() { set(ISOLATION_SERIALIZABLE); }
          void byText() { set("ISOLATION_SERIALIZABLE"); }
          void within(Levels other) { set(String.valueOf(shop.Levels.REPEATABLE) + "\\n"); }
          void none(int level) { set(level); }
        }
        """).assess();
    Map<String, List<ArgumentConstant>> constants = new TreeMap<>();
    assessment.index().methods().forEach(m -> m.fact().calls().stream().filter(c -> c.name().equals("set"))
        .forEach(call -> constants.put(m.fact().name(), call.constants())));
    assertEquals(List.of(new ArgumentConstant.Named("Levels", "REPEATABLE")), constants.get("byField"));
    assertEquals(List.of(new ArgumentConstant.Named(null, "ISOLATION_SERIALIZABLE")), constants.get("byImport"));
    assertEquals(List.of(new ArgumentConstant.Text("ISOLATION_SERIALIZABLE")), constants.get("byText"));
    assertEquals(List.of(new ArgumentConstant.Named("shop.Levels", "REPEATABLE"), new ArgumentConstant.Text("\n")),
        constants.get("within"));
    assertEquals(List.of(), constants.get("none"));
  }

  /** The facts these tests read come back the same from the facts cache: each record and sealed type round-trips. */
  @Test
  void theArgumentFactsComeBackFromTheFactsCache() {
    var assessment = new ProjectFixture(dir).java("""
        package shop;
        class Beans {
          <T> T bean(Class<T> type, long id) { return lookup(type, Beans.class, "beans", java.sql.Connection.TRANSACTION_SERIALIZABLE, id); }
          <T> T lookup(Object... any) { return null; }
        }
        """).assess();
    var facts = assessment.index().files().stream().filter(f -> f.path().endsWith("Beans.java")).findFirst().orElseThrow();
    var cache = dev.optkit.analyzers.parse.FactsCache.open(dir.resolve("cache"), "key");
    cache.store(facts.path(), "hash", facts, SURFACE);
    cache.save();
    var read = dev.optkit.analyzers.parse.FactsCache.open(dir.resolve("cache"), "key").lookup(facts.path(), "hash");
    CallRef call = facts.methods().get(0).calls().get(0);
    assertEquals(List.of(new ClassLiteral("Beans", "shop.Beans")), call.classLiterals());
    assertEquals(List.of(0, 1), call.parametersInArguments());
    assertEquals(List.of(new ArgumentConstant.Text("beans"),
        new ArgumentConstant.Named("java.sql.Connection", "TRANSACTION_SERIALIZABLE")), call.constants());
    assertEquals(call, read.methods().get(0).calls().get(0));
  }
}
