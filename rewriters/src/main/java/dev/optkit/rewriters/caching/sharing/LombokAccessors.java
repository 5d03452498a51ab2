package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Methods Lombok writes that keep their one argument in a field: a setter of {@code @Setter} or {@code @Data} on the
 * class, a builder method of {@code @Builder} ({@code T.builder().id(..).name(..)}). Their code is not in the sources,
 * but what it does is known: a field assignment (audit 16's S20d, said as "optkit cannot see into").
 */
public final class LombokAccessors {
  private final ProjectIndex index;

  public LombokAccessors(ProjectIndex index) {
    this.index = index;
  }

  /**
   * @param owner the class whose field keeps the value (simple name)
   * @param field the field
   * @param type the field's qualified type
   * @param maker "a setter Lombok writes" or "a builder method Lombok writes"
   */
  public record Kept(String owner, String field, String type, String maker) {}

  /** The field the hand-off's call keeps its argument in, when every call of it is a Lombok setter or builder method. */
  public Optional<Kept> keptBy(IndexedMethod method, MethodFact.HandOff handOff) {
    if (handOff.position() != 0 || handOff.toArguments() != 1) {
      return Optional.empty();
    }
    String name = handOff.target();
    if (name.startsWith("set") && name.length() > 3) {
      String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
      List<CallRef> calls = method.fact().calls().stream()
          .filter(c -> c.name().equals(name) && c.argumentCount() == 1).toList();
      Set<Kept> kept = new HashSet<>();
      for (CallRef call : calls) {
        Optional<Kept> one = call.receiverType() == null ? Optional.empty()
            : fieldUnder(call.receiverType(), field, "Setter", "Data")
                .map(t -> new Kept(ProjectTraits.simpleName(t.qualifiedName()), field, t.fieldTypes().get(field),
                    "a setter Lombok writes"));
        if (one.isEmpty()) {
          return Optional.empty();
        }
        kept.add(one.get());
      }
      return kept.size() == 1 ? kept.stream().findFirst() : Optional.empty();
    }
    return builderMethod(method, name);
  }

  /**
   * {@code AccountView.builder().id(a.getId()).ownerId(x)}: the chain of receivers back to {@code builder()} on a
   * project class under {@code @Builder}, each link named as one of its fields.
   */
  private Optional<Kept> builderMethod(IndexedMethod method, String name) {
    List<String> links = new ArrayList<>();
    String at = name;
    while (!at.equals("builder")) {
      if (links.contains(at) || links.size() > 64) {
        return Optional.empty();
      }
      links.add(at);
      String link = at;
      List<String> receivers = method.fact().handOffs().stream()
          .filter(h -> h.target().equals(link) && h.position() == MethodFact.RECEIVER && h.fromCall() != null)
          .map(MethodFact.HandOff::fromCall).distinct().toList();
      if (receivers.size() != 1) {
        return Optional.empty();
      }
      at = receivers.get(0);
    }
    List<CallRef> builders = method.fact().calls().stream()
        .filter(c -> c.name().equals("builder") && c.argumentCount() == 0 && c.receiverType() != null).toList();
    if (builders.size() != 1 || !index.methods(builders.get(0).receiverType(), "builder").isEmpty()) {
      return Optional.empty(); // the project's own builder(): not Lombok's
    }
    Optional<TypeFact> type = index.type(builders.get(0).receiverType()).filter(t -> lombok(t, "Builder"));
    if (type.isEmpty() || !type.get().fieldTypes().keySet().containsAll(links)) {
      return Optional.empty();
    }
    return Optional.of(new Kept(ProjectTraits.simpleName(type.get().qualifiedName()), name,
        type.get().fieldTypes().get(name), "a builder method Lombok writes"));
  }

  /**
   * The type of the field a getter Lombok writes returns ({@code getCost()} under {@code @Getter}, {@code @Data} or
   * {@code @Value} on the class declaring {@code cost}, the class or a superclass; {@code isActive()} for a boolean),
   * when no class of the chain declares the method: a plain read of the field.
   */
  Optional<String> getterFieldType(String type, String method) {
    String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : "";
    if (rest.isEmpty() || index.type(type).isEmpty()) {
      return Optional.empty();
    }
    List<String> chain = new ArrayList<>(List.of(type));
    chain.addAll(index.supertypesOf(type));
    if (chain.stream().anyMatch(each -> !index.methods(each, method).isEmpty())) {
      return Optional.empty();
    }
    String field = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    for (String each : chain) {
      Optional<TypeFact> declaring = index.type(each);
      if (declaring.isPresent() && declaring.get().fieldTypes().containsKey(field)) {
        String fieldType = declaring.get().fieldTypes().get(field);
        boolean named = method.startsWith("get") || fieldType.equals("boolean");
        return named && (lombok(declaring.get(), "Getter") || lombok(declaring.get(), "Data")
            || lombok(declaring.get(), "Value")) ? Optional.of(fieldType) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The project class, the receiver's type or a supertype, declaring the field under one of the annotations. */
  private Optional<TypeFact> fieldUnder(String receiverType, String field, String... annotations) {
    if (!index.methods(receiverType, "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1)).isEmpty()) {
      return Optional.empty();
    }
    List<String> chain = new ArrayList<>(List.of(receiverType));
    chain.addAll(index.supertypesOf(receiverType));
    for (String each : chain) {
      Optional<TypeFact> type = index.type(each);
      if (type.isPresent() && type.get().kind().equals("class") && type.get().fieldTypes().containsKey(field)) {
        return List.of(annotations).stream().anyMatch(a -> lombok(type.get(), a)) ? type : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean lombok(TypeFact type, String annotation) {
    return type.annotations().stream().anyMatch(a -> a.equals("lombok." + annotation) || a.equals(annotation));
  }

  /**
   * A call with one argument, named for a field ({@code setTitle(t)}, or {@code title(t)} under {@code
   * @Accessors(fluent = true)}), on the result or an element of it, whose class (or a superclass declaring the field)
   * declares no such method: only Lombok can have written it ({@code @Setter} or {@code @Data} on the class, or
   * {@code @Setter} on the field, which the facts do not record: hostile review 42's c4), so it sets that field.
   *
   * @param written the result's type as written ({@code List<PetDto>}): its type arguments are what a list holds
   */
  boolean setterOnResult(String type, String written, MethodFact.HandOff handOff) {
    if (handOff.toArguments() != 1) {
      return false;
    }
    java.util.Set<String> candidates = new java.util.LinkedHashSet<>(List.of(type));
    if (written != null) {
      for (String name : written.split("[^A-Za-z0-9_$.]+")) {
        index.typesNamed(name.substring(name.lastIndexOf('.') + 1)).forEach(t -> candidates.add(t.qualifiedName()));
      }
    }
    String name = handOff.target();
    String field = name.startsWith("set") && name.length() > 3
        ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
    for (String candidate : candidates) {
      List<String> chain = new java.util.ArrayList<>(List.of(candidate));
      chain.addAll(index.supertypesOf(candidate));
      if (index.type(candidate).isEmpty() || chain.stream().anyMatch(t -> !index.methods(t, name).isEmpty())) {
        continue;
      }
      if (chain.stream().flatMap(t -> index.type(t).stream())
          .anyMatch(t -> t.fieldTypes().containsKey(field) || t.fieldTypes().containsKey(name))) {
        return true;
      }
    }
    return false;
  }
}
