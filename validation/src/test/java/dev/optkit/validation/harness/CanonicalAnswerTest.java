package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The blind answers of issue 22: an accessor-only class, a cycle, an opaque handle. */
class CanonicalAnswerTest {
  /** Record-style accessors on a class, no getters: Jackson wrote every one as {@code {}}. */
  public static final class Item {
    private final long id;
    private final String name;

    public Item(long id, String name) {
      this.id = id;
      this.name = name;
    }

    public long id() {
      return id;
    }

    public String name() {
      return name;
    }
  }

  public static final class Parent {
    String name;
    List<Child> children = new ArrayList<>();
  }

  public static final class Child {
    String name;
    Parent parent;
  }

  /** A handle to state the walk cannot reach: no fields, Object's toString. */
  public static final class Handle {
  }

  /** The same, with a toString that names its state. */
  public record Described(int slot) {
    @Override
    public String toString() {
      return "slot " + slot;
    }
  }

  public static final class Opaque {
    final int slot;

    Opaque(int slot) {
      this.slot = slot;
    }

    @Override
    public String toString() {
      return "slot " + slot;
    }
  }

  @Test
  void aClassWithAccessorsOnlyIsComparedByItsFields() throws Exception {
    ObjectMapper jackson = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    assertEquals(jackson.writeValueAsString(new Item(1, "old")), jackson.writeValueAsString(new Item(1, "renamed")),
        "the blind spot: Jackson saw nothing in either");
    String stale = CanonicalAnswer.of(new Item(1, "old")).text();
    String fresh = CanonicalAnswer.of(new Item(1, "renamed")).text();
    assertNotEquals(stale, fresh);
    assertEquals(CanonicalAnswer.of(new Item(1, "old")).text(), stale, "equal values, equal text");
    assertTrue(fresh.endsWith("Item{id=1, name=\"renamed\"}"), fresh);
    assertNull(CanonicalAnswer.of(new Item(1, "old")).opaque());
  }

  private static Parent family() {
    Parent parent = new Parent();
    parent.name = "p";
    for (String name : List.of("a", "b")) {
      Child child = new Child();
      child.name = name;
      child.parent = parent;
      parent.children.add(child);
    }
    return parent;
  }

  @Test
  void aParentChildCycleIsWrittenAsABackReferenceSoIdenticalCodeComparesEqual() {
    CanonicalAnswer one = CanonicalAnswer.of(family());
    CanonicalAnswer other = CanonicalAnswer.of(family()); // another JVM: other identities, other hash codes
    assertEquals(one.text(), other.text());
    assertNull(one.opaque());
    assertTrue(one.text().contains("name=\"a\", parent=#ref($)"), one.text());
    assertFalse(one.text().matches(".*@[0-9a-f]{4,}.*"), "no identity hash: " + one.text());
    Parent changed = family();
    changed.children.get(1).name = "c";
    assertNotEquals(one.text(), CanonicalAnswer.of(changed).text());
  }

  @Test
  void anOpaqueHandleIsMarkedAndComparedByItsToStringOnlyWhenThatMeansSomething() {
    CanonicalAnswer handle = CanonicalAnswer.of(new Handle());
    assertNotNull(handle.opaque());
    assertTrue(handle.opaque().contains("Handle at $: no fields, and Object's toString"), handle.opaque());
    assertTrue(CanonicalAnswer.of(List.of(new Item(1, "x"), new Handle())).opaque().contains("at $[1]"),
        "found inside an answer too");
    assertNotNull(CanonicalAnswer.ofToString(new Handle()).opaque(), "compareAs toString on Object's toString is blind too");
    CanonicalAnswer described = CanonicalAnswer.ofToString(new Opaque(3));
    assertNull(described.opaque());
    assertEquals("slot 3", described.text());
    assertNotEquals(described.text(), CanonicalAnswer.ofToString(new Opaque(4)).text());
  }

  @Test
  void setsAndMapsAreSortedAndSharedObjectsEqualCopies() {
    Set<Item> forward = new HashSet<>();
    Set<Item> backward = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      forward.add(new Item(i, "n" + i));
      backward.add(new Item(19 - i, "n" + (19 - i)));
    }
    assertEquals(CanonicalAnswer.of(forward).text(), CanonicalAnswer.of(backward).text());
    Map<Item, Integer> map = new HashMap<>(Map.of(new Item(2, "b"), 2, new Item(1, "a"), 1));
    assertTrue(CanonicalAnswer.of(map).text().indexOf("\"a\"") < CanonicalAnswer.of(map).text().indexOf("\"b\""));
    Item shared = new Item(7, "s");
    assertEquals(CanonicalAnswer.of(List.of(new Item(7, "s"), new Item(7, "s"))).text(),
        CanonicalAnswer.of(List.of(shared, shared)).text(), "a cached, shared object is no difference");
  }

  @Test
  void numbersAreExactAndJdkValuesUseTheirOwnText() {
    assertNotEquals(CanonicalAnswer.of(0.1 + 0.2).text(), CanonicalAnswer.of(0.3).text());
    assertNotEquals(CanonicalAnswer.of(0.0).text(), CanonicalAnswer.of(-0.0).text());
    assertEquals("Optional[\"x\"]", CanonicalAnswer.of(Optional.of("x")).text());
    assertEquals("[1, 2]", CanonicalAnswer.of(new int[] {1, 2}).text());
    assertEquals("LocalDate(2024-01-31)", CanonicalAnswer.of(java.time.LocalDate.of(2024, 1, 31)).text());
    assertNotNull(CanonicalAnswer.of(new Object()).opaque());
    assertTrue(CanonicalAnswer.of(new Described(5)).text().endsWith("Described{slot=5}"), "fields first, toString aside");
  }

  /** An entity, as Hibernate's bytecode enhancement leaves it: its state, and the interceptor it adds. */
  static final class Author {
    private final long id;
    private final String name;
    private final Object $$_hibernate_attributeInterceptor = new Object(); // an identity-hashed handle

    Author(long id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  /** A proxy as Hibernate generates one: a subclass-like stand-in whose own fields are the session's machinery. */
  static final class AuthorProxy implements org.hibernate.proxy.HibernateProxy {
    private final Object session = new Object();
    private final Author target;

    AuthorProxy(Author target) {
      this.target = target;
    }

    @Override
    public LazyInitializer getHibernateLazyInitializer() {
      return new LazyInitializer() {
        @Override public boolean isUninitialized() {
          return target == null;
        }

        @Override public Object getImplementation() {
          if (target == null) {
            throw new IllegalStateException("could not initialize proxy - no Session");
          }
          return target;
        }

        @Override public String getEntityName() {
          return "Author";
        }

        @Override public Object getIdentifier() {
          return 42L;
        }
      };
    }
  }

  /** A lazy collection that was never loaded: iterating it would throw outside its session. */
  static final class LazyBag extends java.util.AbstractList<Object>
      implements org.hibernate.collection.spi.PersistentCollection {
    @Override public boolean wasInitialized() {
      return false;
    }

    @Override public Object get(int index) {
      throw new IllegalStateException("failed to lazily initialize a collection - no Session");
    }

    @Override public int size() {
      throw new IllegalStateException("failed to lazily initialize a collection - no Session");
    }
  }

  @Test
  void jpaEntitiesAreComparedByTheirLoadedState() {
    Author plain = new Author(42, "Ada");
    CanonicalAnswer proxied = CanonicalAnswer.of(new AuthorProxy(new Author(42, "Ada")));
    assertEquals(CanonicalAnswer.of(plain).text(), proxied.text(), "a loaded proxy is its entity");
    assertNull(proxied.opaque());
    assertTrue(proxied.text().contains("name=\"Ada\"") && !proxied.text().contains("hibernate"), proxied.text());
    assertNotEquals(CanonicalAnswer.of(new Author(42, "Bob")).text(), proxied.text());
    assertEquals("#lazy(Author 42)", CanonicalAnswer.of(new AuthorProxy(null)).text(),
        "an unloaded proxy by its name and id, never loaded outside its session");
    assertEquals("#lazy(collection)", CanonicalAnswer.of(new LazyBag()).text());
  }
}
