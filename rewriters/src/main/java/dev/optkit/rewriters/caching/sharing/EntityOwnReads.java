package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an entity's own code reads of its lazy associations: its equals, hashCode and compareTo (which a set or map
 * the entity is put in calls), and a method of it a caller calls on it.
 */
final class EntityOwnReads {
  private final ProjectIndex index;
  private final ResultSharing sharing;
  private final ProxyIds proxyIds;

  /** What a lazy read on a detached entity does in this project. */
  private final dev.optkit.rewriters.caching.WholeProject whole;

  EntityOwnReads(ProjectIndex index, ResultSharing sharing, ProxyIds proxyIds,
      dev.optkit.rewriters.caching.WholeProject whole) {
    this.whole = whole;
    this.index = index;
    this.sharing = sharing;
    this.proxyIds = proxyIds;
  }

  /**
   * What of the entity's equals, hashCode and compareTo reads a lazy association; "equals and hashCode, which
   * Lombok writes over every field" for a Lombok @Data/@EqualsAndHashCode entity; empty when they read none.
   */
  Optional<String> identityReadsLazy(ReturnedEntity entity) {
    for (TypeFact type : index.type(entity.qualifiedName()).stream().toList()) {
      List<String> types = new ArrayList<>(List.of(type.qualifiedName()));
      types.addAll(index.supertypesOf(type.qualifiedName()));
      // returned as an interface its entities implement: the row is one of them, with its own equals
      index.subtypesOf(type.qualifiedName()).stream().sorted().filter(sub -> !types.contains(sub)).forEach(types::add);
      for (String each : types) {
        Optional<TypeFact> fact = index.type(each);
        // by name, not by ending: @DiscriminatorValue is no Lombok @Value (hostile review 43's m2-lombok-reason)
        if (fact.filter(t -> t.annotations().stream().map(ProjectTraits::simpleName)
            .anyMatch(a -> a.equals("Data") || a.equals("EqualsAndHashCode") || a.equals("Value"))).isPresent()) {
          // the fields Lombok's equals reads: all, less what its exclude or @EqualsAndHashCode.Exclude leaves out
          List<String> read = fact.get().lombokEqualsFields();
          List<String> lazyRead = entity.lazyByGetter().values().stream().distinct().sorted()
              .filter(field -> read == null || read.contains(field)).toList();
          if (!lazyRead.isEmpty()) {
            return Optional.of("equals and hashCode, which Lombok writes over " + (read == null ? "every field" : "its fields")
                + ", its lazy associations (" + String.join(", ", lazyRead) + ") among them");
          }
        }
        for (String name : List.of("equals", "hashCode", "compareTo")) {
          for (IndexedMethod identity : index.methods(each, name)) {
            for (String field : identity.fact().mutableFieldsRead()) {
              if (entity.lazyByGetter().containsValue(field)) {
                return Optional.of(name + "(), which reads its lazy association " + field);
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A method of the entity itself, called on it, that reads a lazy association's field. */
  Optional<String> ownLazyRead(IndexedMethod method, MethodFact.HandOff handOff, ReturnedEntity entity) {
    java.util.Set<IndexedMethod> callees = new java.util.LinkedHashSet<>(sharing.receivers(method, handOff));
    if (callees.isEmpty() && handOff.toArguments() < 0) {
      // map(Menu::getRoleCount): a method reference names no call the graph links; the entity's own method, or its
      // superclass's, runs
      List<String> types = new ArrayList<>(List.of(entity.qualifiedName()));
      types.addAll(index.supertypesOf(entity.qualifiedName()));
      types.stream().flatMap(type -> index.methods(type, handOff.target()).stream())
          .filter(m -> m.fact().params().isEmpty()).findFirst().ifPresent(callees::add);
    }
    // a subclass entity's override runs for its rows (GuardedMenu.getRoleCount() { return roles.size(); }: hostile
    // review 43's m2); the facts do not list the fields it reads that its superclass declares, so one that calls
    // anything may read a lazy association
    // only the entity's own methods have such overrides: a method of that name another class declares (a mapper's
    // map(), matched by name where page.map(..) runs on a type the facts do not name) is no entity's, and its
    // implementations are among the callees already (trial 98: "the entity NoteMapperImpl overrides" was false)
    java.util.Set<String> entityTypes = new java.util.HashSet<>(index.supertypesOf(entity.qualifiedName()));
    entityTypes.add(entity.qualifiedName());
    for (IndexedMethod callee : List.copyOf(callees)) {
      if (!entityTypes.contains(callee.fact().ownerType())) {
        continue;
      }
      for (String sub : index.subtypesOf(callee.fact().ownerType())) {
        for (IndexedMethod override : index.methods(sub, callee.fact().name())) {
          if (override.fact().params().size() != callee.fact().params().size()) {
            continue;
          }
          callees.add(override);
          if (!entity.lazyByGetter().isEmpty() && (!override.fact().calls().isEmpty()
              || !override.fact().opaqueCalls().isEmpty())) {
            return Optional.of(method.fact().displayName() + "() calls " + callee.fact().name() + "() on it, which the "
                + "entity " + ProjectTraits.simpleName(sub) + " overrides with code that may read its lazy associations ("
                + String.join(", ", entity.lazyByGetter().values().stream().distinct().sorted().toList()) + "): on a "
                + "cached, detached entity " + whole.detachedLazyRead());
          }
        }
      }
    }
    for (IndexedMethod callee : callees) {
      java.util.Set<String> read = new java.util.LinkedHashSet<>(callee.fact().mutableFieldsRead());
      read.addAll(callee.fact().fieldsRead()); // getMemberCount() { return members.isEmpty() ? ... }
      for (String field : read) {
        if (entity.lazyByGetter().containsValue(field) && !proxyIds.onlyIdRead(callee, field, entity)) {
          return Optional.of(method.fact().displayName() + "() calls " + callee.fact().displayName() + "() on it, "
              + "which reads its lazy association " + field + ": on a cached, detached entity "
              + whole.detachedLazyRead());
        }
      }
    }
    return Optional.empty();
  }}
