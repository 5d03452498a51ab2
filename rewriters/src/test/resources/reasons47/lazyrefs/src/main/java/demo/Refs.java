package demo;

import javax.persistence.EntityManager;

public final class Refs {
  private Refs() {}

  static <T> T of(EntityManager em, Class<T> type, Object id) { return em.getReference(type, id); }
}
