package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.source.SourceSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which transaction a method runs in, and with what isolation: declared ({@code @Transactional} on
 * it, on what it implements, on its types, or through a project annotation meta-annotated with it)
 * or run by code above it (a transaction template or manager, {@code begin()}).
 */
public final class Transactions {
  private final ProjectIndex index;

  public Transactions(ProjectIndex index) {
    this.index = index;
  }

  private static final Set<String> TRANSACTION_RUNNERS = Set.of(
      "org.springframework.transaction.support.TransactionTemplate",
      "org.springframework.transaction.support.TransactionOperations",
      "org.springframework.transaction.reactive.TransactionalOperator",
      "jakarta.persistence.EntityTransaction", "javax.persistence.EntityTransaction",
      "jakarta.transaction.UserTransaction", "javax.transaction.UserTransaction",
      "org.springframework.transaction.PlatformTransactionManager",
      "org.springframework.transaction.ReactiveTransactionManager",
      "org.springframework.jdbc.datasource.DataSourceTransactionManager",
      "org.springframework.orm.jpa.JpaTransactionManager", "org.springframework.transaction.jta.JtaTransactionManager");

  /**
   * The method, or a production method on some path of callers above it, that runs in a
   * transaction (annotated, or running one through a transaction template, or begin() on a transaction):
   * a write below it commits only when that method returns, after any eviction the writer made.
   */
  public Optional<String> inTransaction(IndexedMethod method) {
    return above(method).map(m -> m.fact().displayName() + "()");
  }

  /** The method, or the nearest production caller above it, that runs in a transaction. */
  public Optional<IndexedMethod> above(IndexedMethod method) {
    return above(method, new HashSet<>());
  }

  private Optional<IndexedMethod> above(IndexedMethod method, Set<IndexedMethod> seen) {
    if (!seen.add(method)) {
      return Optional.empty();
    }
    if (declared(method) || method.fact().transactionControl().contains(dev.optkit.analyzers.facts.MethodFact.TransactionControl.BEGIN)
        || method.fact().calls().stream().anyMatch(call -> call.receiverType() != null
            && (TRANSACTION_RUNNERS.contains(call.receiverType()) || call.receiverType().endsWith("TransactionManager")
                && call.name().equals("getTransaction")))) {
      return Optional.of(method);
    }
    for (IndexedMethod caller : index.callersOf(method)) {
      if (!SourceSet.isTestPath(caller.path())) {
        Optional<IndexedMethod> found = above(caller, seen);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A snapshot isolation some production code sets on a transaction template or definition
   * ({@code template.setIsolationLevelName("ISOLATION_SERIALIZABLE")}): the programmatic
   * transactions of the project may use it. "" when none does.
   */
  public String programmaticIsolation() {
    if (programmaticIsolation == null) {
      programmaticIsolation = findProgrammaticIsolation(); // a pass over every method: asked once per target
    }
    return programmaticIsolation;
  }

  private String programmaticIsolation;

  private String findProgrammaticIsolation() {
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      for (CallRef call : method.fact().calls()) {
        if (!call.name().startsWith("setIsolationLevel")) {
          continue;
        }
        // the constants its arguments name (TransactionDefinition.ISOLATION_SERIALIZABLE, Isolation.REPEATABLE_READ)
        // or write ("ISOLATION_SERIALIZABLE" to setIsolationLevelName)
        List<String> levels = call.constants().stream().map(Transactions::constantOrText).toList();
        if (levels.stream().anyMatch(level -> names(level, "SERIALIZABLE"))) {
          return "SERIALIZABLE";
        }
        if (levels.stream().anyMatch(level -> names(level, "REPEATABLE_READ"))) {
          return "REPEATABLE_READ";
        }
      }
    }
    return "";
  }

  private static String constantOrText(dev.optkit.analyzers.facts.ArgumentConstant constant) {
    return constant instanceof dev.optkit.analyzers.facts.ArgumentConstant.Named named ? named.name()
        : ((dev.optkit.analyzers.facts.ArgumentConstant.Text) constant).value();
  }

  /** Whether a constant's name is the isolation level's, alone or after a prefix ({@code ISOLATION_}, {@code TRANSACTION_}). */
  private static boolean names(String constant, String level) {
    return constant.equals(level) || constant.endsWith("_" + level);
  }

  /** The isolation a transactional method asks for ({@code Isolation.SERIALIZABLE}), on it or its class; "" if none. */
  public String isolationOf(IndexedMethod method) {
    return attributeOf(method, AnnotationValues.TRANSACTION_ISOLATION);
  }

  /** {@code @Transactional}'s propagation for the method, as written, or "" (REQUIRED) when it sets none. */
  public String propagationOf(IndexedMethod method) {
    return attributeOf(method, AnnotationValues.TRANSACTION_PROPAGATION);
  }

  /** The transaction manager the method's {@code @Transactional} names, as written, or "" (the default one). */
  public String managerOf(IndexedMethod method) {
    return attributeOf(method, AnnotationValues.TRANSACTION_MANAGER);
  }

  /** Whether the method's {@code @Transactional} commits for some exceptions ({@code noRollbackFor}). */
  public boolean commitsForSomeExceptions(IndexedMethod method) {
    return !attributeOf(method, AnnotationValues.TRANSACTION_NO_ROLLBACK).isEmpty();
  }

  /** A member of the {@code @Transactional} that covers the method: its own, a meta-annotation's, its class's. */
  private String attributeOf(IndexedMethod method, String key) {
    String own = transaction(method).map(m -> m.annotationValues().getOrDefault(key, "")).orElse("");
    if (!own.isEmpty()) {
      return own;
    }
    // @SnapshotTx, itself annotated @Transactional(isolation = ...)
    for (String annotation : method.fact().annotations()) {
      String meta = transactionalAnnotation(annotation) ? index.type(annotation)
          .map(t -> t.annotationValues().getOrDefault(key, "")).orElse("") : "";
      if (!meta.isEmpty()) {
        return meta;
      }
    }
    return index.supertypesOf(method.fact().ownerType()).stream().flatMap(t -> index.type(t).stream())
        .map(t -> t.annotationValues().getOrDefault(key, "")).filter(v -> !v.isEmpty()).findFirst().orElse("");
  }

  /** Whether {@code @Transactional} (or a project meta-annotation of it) covers the method. */
  public boolean declared(IndexedMethod method) {
    return transaction(method).isPresent();
  }

  private Set<String> transactionalAnnotations;

  /** {@code @Transactional}, and the project's annotations meta-annotated with it (at any depth). */
  private boolean transactionalAnnotation(String annotation) {
    if (annotation.endsWith("Transactional")) {
      return true;
    }
    if (transactionalAnnotations == null) {
      Set<String> found = new HashSet<>();
      boolean grew = true;
      while (grew) {
        grew = false;
        for (var file : index.files()) {
          for (TypeFact type : file.types()) {
            if (type.kind().equals("annotation") && !found.contains(type.qualifiedName()) && type.annotations().stream()
                .anyMatch(a -> a.endsWith("Transactional") || found.contains(a))) {
              grew = found.add(type.qualifiedName()) || grew;
            }
          }
        }
      }
      transactionalAnnotations = found;
    }
    return transactionalAnnotations.contains(annotation);
  }

  /** The method or type whose {@code @Transactional} covers this method: itself, what it implements, its types. */
  private Optional<MethodFact> transaction(IndexedMethod method) {
    if (method.fact().annotations().stream().anyMatch(this::transactionalAnnotation)) {
      return Optional.of(method.fact());
    }
    // @Transactional on the interface method it implements applies too (looked up by name: the type's own
    // methods are among its supertypes', and a pass over them per question was quadratic in a large class)
    for (String type : index.supertypesOf(method.fact().ownerType())) {
      for (IndexedMethod declared : index.methods(type, method.fact().name())) {
        if (declared != method && declared.fact().params().size() == method.fact().params().size()
            && declared.fact().annotations().stream().anyMatch(this::transactionalAnnotation)) {
          return Optional.of(declared.fact());
        }
      }
    }
    if (index.supertypesOf(method.fact().ownerType()).stream().flatMap(t -> index.type(t).stream())
        .anyMatch(t -> t.annotations().stream().anyMatch(this::transactionalAnnotation))) {
      return Optional.of(method.fact());
    }
    return Optional.empty();
  }

}
