package org.hibernate.collection.spi;

/** Hibernate's lazy collection interface by its name, for CanonicalAnswerTest without Hibernate. */
public interface PersistentCollection {
  boolean wasInitialized();
}
