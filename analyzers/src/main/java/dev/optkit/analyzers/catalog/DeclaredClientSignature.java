package dev.optkit.analyzers.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A project interface that is a client by declaration: annotated with one of {@code
 * typeAnnotations}, having methods annotated with one of {@code methodAnnotations}, or extending
 * one of {@code superTypes} (Feign, Retrofit, Spring Data repositories, MyBatis mappers...).
 */
public record DeclaredClientSignature(
    String id,
    ClientKind kind,
    String provider,
    List<String> typeAnnotations,
    List<String> methodAnnotations,
    List<String> superTypes) {

  public DeclaredClientSignature {
    Objects.requireNonNull(id, "declared client id");
    Objects.requireNonNull(kind, "kind of declared client " + id);
    provider = provider == null ? id : provider;
    typeAnnotations = typeAnnotations == null ? List.of() : List.copyOf(typeAnnotations);
    methodAnnotations = methodAnnotations == null ? List.of() : List.copyOf(methodAnnotations);
    superTypes = superTypes == null ? List.of() : List.copyOf(superTypes);
  }
}
