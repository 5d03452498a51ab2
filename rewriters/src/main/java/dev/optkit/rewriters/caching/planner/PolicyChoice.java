package dev.optkit.rewriters.caching.planner;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.config.OptkitConfig.CachePolicy;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.text.WrittenTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which of the configured cache policies ({@code .optkit.yml} {@code cache.policies}) a cached method gets. */
final class PolicyChoice {
  private PolicyChoice() {}

  /**
   * A policy and why: {@code basis} is empty when the method's name chose it, else the field of its answer that did.
   */
  record Choice(String name, CachePolicy policy, String basis) {}

  /**
   * The policy named for the method: the llm one for a paid model's call, else the first whose method globs match a
   * word of the method's name ({@code report*} for {@code monthlyReport}), else the default. Then, for a remote
   * answer, what it holds may shorten it: a field of the project type it returns (or holds in a collection or an Optional) whose name
   * a category with a shorter TTL matches ({@code ProductDto.currentStock} is realtime data, whatever the method is
   * called: trial 59 saw a product's stock cached for an hour as "reference" data).
   */
  static Choice of(OptkitConfig config, Finding finding, MethodFact fact, ProjectIndex index) {
    Map<String, CachePolicy> policies = config.effectiveCachePolicies();
    if (Boolean.TRUE.equals(finding.details().get("llm")) && policies.containsKey("llm")) {
      return new Choice("llm", policies.get("llm"), "");
    }
    Map.Entry<String, CachePolicy> named = matching(policies, words(fact.name()))
        .orElse(Map.entry("default", policies.get("default")));
    Choice chosen = new Choice(named.getKey(), named.getValue(), "");
    // a remote answer only: the other system's writes evict nothing here, so the TTL is all that bounds how stale it
    // gets; a database read's writers in the project evict it (a Category's status field is no reason for 30 s)
    boolean remote = finding.basis() != null && finding.basis().sites().stream()
        .anyMatch(site -> site.kind() == dev.optkit.analyzers.catalog.ClientKind.API);
    // one no name places gets the remote policy, unless the user set a default of their own and no remote one
    if (remote && named.getKey().equals("default") && policies.containsKey("remote")
        && (!config.cachePolicies().containsKey("default") || config.cachePolicies().containsKey("remote"))) {
      chosen = new Choice("remote", policies.get("remote"), "");
    }
    for (Map.Entry<String, String> field : remote ? answerFields(index, fact) : List.<Map.Entry<String, String>>of()) {
      Optional<Map.Entry<String, CachePolicy>> held = matching(policies, words(field.getValue()));
      if (held.isPresent() && held.get().getValue().ttlSeconds() != null && chosen.policy().ttlSeconds() != null
          && held.get().getValue().ttlSeconds() < chosen.policy().ttlSeconds()) {
        chosen = new Choice(held.get().getKey(), held.get().getValue(), "its answer holds " + field.getKey() + "."
            + field.getValue());
      }
    }
    return chosen;
  }

  private static List<String> words(String name) {
    return dev.optkit.analyzers.facts.types.SecretNames.words(name);
  }

  /** The first category one of whose globs matches a word. */
  private static Optional<Map.Entry<String, CachePolicy>> matching(Map<String, CachePolicy> policies,
      List<String> words) {
    for (Map.Entry<String, CachePolicy> entry : policies.entrySet()) {
      List<String> patterns = entry.getValue().methods();
      if (patterns == null) {
        continue;
      }
      for (String glob : patterns) {
        Pattern pattern = Pattern.compile(Pattern.quote(glob.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"));
        if (words.stream().anyMatch(w -> pattern.matcher(w).matches())) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The fields (type's simple name, field name) of the project types the method's declared return type names, its
   * type arguments included ({@code List<ProductDto>}), and of their project supertypes, in a stable order.
   */
  private static List<Map.Entry<String, String>> answerFields(ProjectIndex index, MethodFact fact) {
    Set<String> named = new LinkedHashSet<>();
    for (String text : List.of(WrittenTypes.returnType(fact), fact.returnType())) {
      named.addAll(TypeNames.namedTypes(text));
    }
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String part : named) {
      List<TypeFact> types = part.contains(".") ? index.type(part).stream().toList() : index.typesNamed(part);
      for (TypeFact type : types) {
        for (String ancestor : index.supertypesOf(type.qualifiedName())) {
          index.type(ancestor).filter(t -> seen.add(t.qualifiedName())).ifPresent(t -> new java.util.TreeSet<>(
              t.fieldTypes().keySet()).stream().filter(f -> !f.equals(f.toUpperCase(Locale.ROOT)))
              .forEach(f -> fields.add(Map.entry(t.simpleName(), f)))); // not a constant (PRICE_SCALE)
        }
      }
    }
    return fields;
  }
}
