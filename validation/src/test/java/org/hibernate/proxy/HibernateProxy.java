package org.hibernate.proxy;

/** Hibernate's proxy interface by its name and the methods optkit calls, for CanonicalAnswerTest without Hibernate. */
public interface HibernateProxy {
  LazyInitializer getHibernateLazyInitializer();

  /** The part of Hibernate's initializer that PersistenceProxies reads. */
  interface LazyInitializer {
    boolean isUninitialized();

    Object getImplementation();

    String getEntityName();

    Object getIdentifier();
  }
}
