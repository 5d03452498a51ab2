package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch method a loop could call instead of a declared client's single-key method: on the same
 * interface (a Feign or HTTP-interface client, a Spring Data repository), a read that takes many of
 * that key at once and answers many ({@code getItem(Long)} beside {@code getItems(List<Long>)},
 * {@code findByCode(String)} beside {@code findByCodeIn(Collection<String>)}). It is named as the fix,
 * never rewritten: what the batch method answers for a missing or repeated key, and in which order,
 * is its server's or query's contract, which the interface does not say.
 */
final class BatchSiblings {
  private static final Pattern MANY = Pattern.compile(
      "(?:java\\.util\\.)?(?:List|Collection|Set|Iterable|java\\.lang\\.Iterable)<\\s*(?:\\? extends\\s+)?([\\w.]+)\\s*>");
  private static final Map<String, String> BOXES = Map.of("long", "Long", "int", "Integer", "short", "Short",
      "byte", "Byte", "char", "Character", "boolean", "Boolean", "double", "Double", "float", "Float");

  private BatchSiblings() {}

  /** "ItemClient.getItems(List<Long>)" for a single-key read the loop calls, when its interface has one. */
  static Optional<String> of(ProjectIndex index, CallRef call) {
    Optional<IoSite> site = index.declaredSite(call);
    if (site.isEmpty() || site.get().access() != Access.READ || call.argumentCount() != 1) {
      return Optional.empty();
    }
    List<IndexedMethod> single = index.methods(call.receiverType(), call.name()).stream()
        .filter(m -> m.fact().params().size() == 1).toList();
    if (single.size() != 1 || single.get(0).fact().params().get(0).varArgs()) {
      return Optional.empty();
    }
    String key = TypeNames.simple(box(single.get(0).fact().params().get(0).type()));
    List<String> owners = new ArrayList<>();
    owners.add(call.receiverType());
    owners.addAll(index.supertypesOf(call.receiverType()));
    for (String owner : owners) {
      for (IndexedMethod candidate : index.methodsOfType(owner)) {
        if (candidate.fact().params().size() != 1 || candidate.fact().returnType() == null
            || candidate.fact().returnType().equals("void") || !takesMany(candidate.fact().params().get(0), key)) {
          continue;
        }
        boolean read = index.implementedByLibrary(candidate).map(s -> s.access() == Access.READ).orElse(false);
        if (read) {
          ParamFact many = candidate.fact().params().get(0);
          return Optional.of(TypeNames.simple(owner) + "." + candidate.fact().name() + "(" + many.type() + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean takesMany(ParamFact param, String key) {
    String type = param.type().replace(" ", "");
    if (param.varArgs() || type.endsWith("[]")) {
      String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
      return TypeNames.simple(box(element)).equals(key);
    }
    Matcher many = MANY.matcher(param.type());
    return many.matches() && TypeNames.simple(many.group(1)).equals(key);
  }

  private static String box(String type) {
    return BOXES.getOrDefault(type, type);
  }

}
