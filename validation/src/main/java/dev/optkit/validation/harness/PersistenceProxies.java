package dev.optkit.validation.harness;

import java.lang.reflect.Method;

/**
 * JPA answers as their loaded state, not their machinery: a Hibernate proxy is walked as the entity it
 * stands for (or, uninitialised, as its entity name and id: loading it outside its session would
 * throw), and a lazy collection that was never loaded as a marker instead of a load. Found by the
 * interfaces' names, by reflection: the project brings its own Hibernate, in its own class loader.
 */
final class PersistenceProxies {
  private static final String PROXY = "org.hibernate.proxy.HibernateProxy";
  private static final String COLLECTION = "org.hibernate.collection.spi.PersistentCollection";
  /** Fields Hibernate's bytecode enhancement adds to an entity: its interceptor and dirty tracking. */
  static final String ENHANCEMENT_PREFIX = "$$_hibernate_";

  /** Which of Hibernate's kinds a class is, found once per class: most answers are of classes that are neither. */
  private enum Kind { NONE, PROXY, COLLECTION }

  private static final ClassValue<Kind> KINDS = new ClassValue<>() {
    @Override
    protected Kind computeValue(Class<?> type) {
      return implementsNamed(type, PROXY) ? Kind.PROXY : implementsNamed(type, COLLECTION) ? Kind.COLLECTION : Kind.NONE;
    }
  };

  private PersistenceProxies() {
  }

  /** What to write instead of {@code value}: the entity behind a proxy, a lazy marker, or null to walk it as it is. */
  static View view(Object value) {
    Kind kind = KINDS.get(value.getClass());
    if (kind == Kind.NONE) {
      return null;
    }
    try {
      if (kind == Kind.PROXY) {
        Object initializer = call(value, "getHibernateLazyInitializer");
        if ((boolean) call(initializer, "isUninitialized")) {
          return new View(null, call(initializer, "getEntityName"), call(initializer, "getIdentifier"));
        }
        return new View(call(initializer, "getImplementation"), null, null);
      }
      if (!(boolean) call(value, "wasInitialized")) {
        return new View(null, "collection", null);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another Hibernate than thought: walked as it is, and marked opaque there if it must be
    }
    return null;
  }

  /**
   * @param entity the loaded entity behind a proxy, or null for a lazy marker
   * @param lazy what was not loaded: an entity name, or {@code collection}
   * @param id the unloaded entity's id
   */
  record View(Object entity, Object lazy, Object id) {}

  private static Object call(Object target, String name) throws ReflectiveOperationException {
    Method method = target.getClass().getMethod(name);
    method.setAccessible(true);
    return method.invoke(target);
  }

  private static boolean implementsNamed(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> face : c.getInterfaces()) {
        if (face.getName().equals(name) || implementsNamed(face, name)) {
          return true;
        }
      }
    }
    return false;
  }
}
