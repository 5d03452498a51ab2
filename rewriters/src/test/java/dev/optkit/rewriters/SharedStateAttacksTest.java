package dev.optkit.rewriters;

import dev.optkit.rewriters.plan.NotCacheable;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile review of issue 23's fresh-object proof: each bean reads an offset from a Cursor that moveTo()
 * changes, through an object that looks made or loaded for the call but holds the shared cursor (a wrapper given it
 * by a setter, a field initializer reading a static, a bean looked up in the context, requireNonNull, a field
 * collection's element, a static constant's, a static factory). Every such read must be refused. Hostile review 38
 * adds state another class changes (a static import, an array element, an inherited static, reflection, a static
 * holder) and a stateful object handed to the query (a row mapper with a count of its own), which the key does not
 * cover.
 */
class SharedStateAttacksTest extends SpringProjectPlans {
  private static void allRefused(MigrationPlan plan, List<String> methods) {
    assertTrue(plan.targets().isEmpty(), "cached: " + plan.targets().stream()
        .map(t -> t.method().fact().displayName()).toList());
    for (String method : methods) {
      String why = plan.refusals().stream().filter(r -> r.finding().enclosingClass().endsWith("." + method))
          .map(Refusal::reason).findFirst()
          // F's constructor fills its static map, which makes the read no candidate at all (hostile review 64's K)
          .or(() -> plan.notCacheable().stream().map(NotCacheable::line).filter(n -> n.startsWith(method + ".")).findFirst())
          .orElseThrow(() -> new AssertionError(method + " was not refused"));
      assertTrue(why.contains("shared between calls") || why.contains("depends on mutable state of its object")
          || why.contains("whose construction reads"),
          method + ": " + why);
    }
  }

  @Test
  void objectsLookingFreshButHoldingTheBeansCursorAreShared() throws Exception {
    allRefused(new MigrationFixture(dir.resolve("k1")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
        package shop;

        import java.util.List;
        import org.springframework.context.ApplicationContext;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class ByContext {
            private final JdbcTemplate jdbc;
            private final ApplicationContext context;

            public ByContext(JdbcTemplate jdbc, ApplicationContext context) {
                this.jdbc = jdbc;
                this.context = context;
            }

            public List<String> names(String kind) {
                int limit = context.getBean(Settings.class).getLimit();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? LIMIT " + limit, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.TreeMap;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class ByFloor {
            private final JdbcTemplate jdbc;
            private final TreeMap<Integer, Cursor> cursors = new TreeMap<>();

            public ByFloor(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
                cursors.put(0, new Cursor());
            }

            public void moveTo(int offset) {
                cursors.get(0).setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = cursors.floorEntry(kind).getValue().getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.Objects;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class ByRequire {
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public ByRequire(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
            }

            public List<String> page(String kind) {
                int offset = Objects.requireNonNull(cursor).getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class ByWrapper {
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public ByWrapper(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
            }

            public List<String> page(String kind) {
                Wrapper w = new Wrapper();
                w.setCursor(cursor);
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + w.offset(), String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        public class Cursor {
            private int offset;

            public int getOffset() {
                return offset;
            }

            public void setOffset(int offset) {
                this.offset = offset;
            }
        }
            """)
        .java("""
        package shop;

        import org.springframework.stereotype.Component;

        @Component
        public class Settings {
            private int limit = 10;

            public int getLimit() {
                return limit;
            }

            public void setLimit(int limit) {
                this.limit = limit;
            }
        }
            """)
        .java("""
        package shop;

        public class Wrapper {
            private Cursor cursor;

            public void setCursor(Cursor cursor) {
                this.cursor = cursor;
            }

            public int offset() {
                return cursor.getOffset();
            }
        }
            """)
        .plan(), List.of("ByContext", "ByFloor", "ByRequire", "ByWrapper"));
  }

  @Test
  void staticsReachedThroughConstructionConstantsAndFactoriesAreShared() throws Exception {
    allRefused(new MigrationFixture(dir.resolve("k2")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
        package shop;

        public class Cursor {
            private int offset;

            public int getOffset() {
                return offset;
            }

            public void setOffset(int offset) {
                this.offset = offset;
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class E {
            private static final Map<Integer, Cursor> CURSORS = new ConcurrentHashMap<>();
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public E(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
                CURSORS.put(1, cursor);
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
                Holder.SHARED.setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = new Pager().offset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class F {
            private static final Map<Integer, Cursor> CURSORS = new ConcurrentHashMap<>();
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public F(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
                CURSORS.put(1, cursor);
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
                Holder.SHARED.setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = CURSORS.get(kind).getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class G {
            private static final Map<Integer, Cursor> CURSORS = new ConcurrentHashMap<>();
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public G(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
                CURSORS.put(1, cursor);
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
                Holder.SHARED.setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = Holder.forKind(kind).getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        public class Holder {
            public static final Cursor SHARED = new Cursor();
            public static final Map<Integer, Cursor> CURSORS = new ConcurrentHashMap<>();

            public static Cursor forKind(int kind) {
                return CURSORS.get(kind);
            }

            public static Wrapper wrap(Cursor cursor) {
                Wrapper w = new Wrapper();
                w.setCursor(cursor);
                return w;
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class J {
            private static final Map<Integer, Cursor> CURSORS = new ConcurrentHashMap<>();
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public J(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
                CURSORS.put(1, cursor);
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
                Holder.SHARED.setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = java.util.Optional.of(cursor).map(Cursor::getOffset).orElse(0);
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class K {
            private static final Map<Integer, Cursor> CURSORS = new ConcurrentHashMap<>();
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public K(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
                CURSORS.put(1, cursor);
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
                Holder.SHARED.setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = Holder.wrap(cursor).offset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class L {
            private static final Map<Integer, Cursor> CURSORS = new ConcurrentHashMap<>();
            private final JdbcTemplate jdbc;
            private final Cursor cursor = new Cursor();

            public L(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
                CURSORS.put(1, cursor);
            }

            public void moveTo(int offset) {
                cursor.setOffset(offset);
                Holder.SHARED.setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = java.util.stream.Stream.of(cursor).mapToInt(c -> c.getOffset()).sum();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        public class Pager {
            private final Cursor cursor = Holder.SHARED;

            public int offset() {
                return cursor.getOffset();
            }
        }
            """)
        .java("""
        package shop;

        public class Wrapper {
            private Cursor cursor;

            public void setCursor(Cursor cursor) {
                this.cursor = cursor;
            }

            public int offset() {
                return cursor.getOffset();
            }
        }
            """)
        .plan(), List.of("E", "F", "G", "J", "K", "L"));
  }

  @Test
  void elementsOfAFieldsCollectionAreShared() throws Exception {
    allRefused(new MigrationFixture(dir.resolve("k1d")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
        package shop;

        public class Cursor {
            private int offset;

            public int getOffset() {
                return offset;
            }

            public void setOffset(int offset) {
                this.offset = offset;
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class FloorA {
            private final JdbcTemplate jdbc;
            private final java.util.TreeMap<Integer, Cursor> cursors = null;

            public FloorA(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public void moveTo(int offset) {
                cursors.get(0).setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = cursors.get(kind).getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class FloorB {
            private final JdbcTemplate jdbc;
            private final java.util.Map<Integer, Cursor> cursors = null;

            public FloorB(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public void moveTo(int offset) {
                cursors.get(0).setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = cursors.get(kind).getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class FloorC {
            private final JdbcTemplate jdbc;
            private final java.util.List<Cursor> cursors = null;

            public FloorC(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public void moveTo(int offset) {
                cursors.get(0).setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = cursors.get(kind).getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .java("""
        package shop;

        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Repository;

        @Repository
        public class FloorD {
            private final JdbcTemplate jdbc;
            private final java.util.TreeMap<Integer, Cursor> cursors = null;

            public FloorD(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public void moveTo(int offset) {
                cursors.get(0).setOffset(offset);
            }

            public List<String> page(int kind) {
                int offset = this.cursors.get(kind).getOffset();
                return jdbc.queryForList("SELECT name FROM items WHERE kind = ? OFFSET " + offset, String.class, kind);
            }
        }
            """)
        .plan(), List.of("FloorA", "FloorB", "FloorC", "FloorD"));
  }

  /**
   * Hostile review 38, a row mapper reading state another class changes: through a static import (f1), an array element
   * (f2), a subclass setting the inherited static (f4), a nested class setting its outer class's private static (f8),
   * an AtomicReference's set (f10) or a map's put (f11) on a static final holder, or reflection (f7).
   */
  @ParameterizedTest
  @ValueSource(strings = {"f1", "f2", "f4", "f7", "f8", "f10", "f11"})
  void stateAnotherClassChangesIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = casePlan("hostile38", attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.all")),
        plan.targets().toString());
  }

  /**
   * Hostile review 38, a mapper with a count of its own handed to the query: through a local alias (h1), a getter (h2),
   * a static factory (h6), injected into a field of the library's interface type (h3), wrapped in a new object (h4), an
   * extractor made in the constructor (h8), a lambda field counting in an AtomicInteger (h10), a field a factory fills
   * with a method reference to its own object (h11).
   */
  @ParameterizedTest
  @ValueSource(strings = {"h1", "h2", "h3", "h4", "h6", "h8", "h10", "h11"})
  void aStatefulObjectHandedOnIsStateTheKeyDoesNotCover(String attack) {
    MigrationPlan plan = casePlan("hostile38", attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.all")),
        plan.targets().toString());
  }

  /**
   * A getter of a stateful bean optkit sees no implementation of, called (e2) or referenced (e1, e3, e5: a bean
   * lambda, an anonymous class): the name read is refused. (From hostile review 37, cases e1, e2, e3, e5.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"e1", "e2", "e3", "e5"})
  void aGetterOfAStatefulBeanWithNoImplementationSeenIsState(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }
}
