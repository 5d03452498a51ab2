package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Project helpers that return what they are handed ({@code first(pets)}, {@code mapper::same}), and what callers do with it. */
final class HelperReturns {
  private final ResultSharing sharing;

  HelperReturns(ResultSharing sharing) {
    this.sharing = sharing;
  }

  /** The project methods a hand-off reaches that return the argument (or a part of it) they get there. */
  List<IndexedMethod> returningIt(IndexedMethod caller, MethodFact.HandOff handOff) {
    if (handOff.position() < 0 || handOff.to().startsWith("new ") || handOff.to().equals(MethodFact.RETURNED)) {
      return List.of();
    }
    return sharing.receivers(caller, handOff).stream().filter(helper -> {
      int position = ResultSharing.parameterAt(helper, handOff.position());
      return helper.fact().handOffs().stream().anyMatch(h -> h.fromCall() == null
          && h.fromParameter() == position && h.to().equals(MethodFact.RETURNED));
    }).toList();
  }

  /**
   * {@code first(dao.pets()).setName(n)}: a project helper that returns what it is given (or a part
   * of it) hands the result back, and the caller changes what the helper returns.
   */
  Optional<String> changedOnReturn(IndexedMethod caller, MethodFact.HandOff handOff) {
    return changeOfReturned(caller, handOff, false).map(change -> caller.fact().displayName() + "() passes the result it "
        + "gets to " + change + ": a cached result is one object shared by every caller, so the change would leak into later "
        + "answers");
  }

  /**
   * The same change said as what the hand-off reaches: "H(), which returns it, and [C() ]changes what that returns
   * (how)", the caller named when the sentence is about another method.
   */
  Optional<String> changeOfReturned(IndexedMethod caller, MethodFact.HandOff handOff, boolean nameCaller) {
    for (IndexedMethod helper : returningIt(caller, handOff)) {
      for (MethodFact.ResultMutation mutation : caller.fact().resultMutations()) {
        if (handOff.held() && ResultSharing.CONTAINER_CHANGES.contains(mutation.how())) {
          continue; // menuSet = getChildMenus(menus, menuSet); menuSet.add(...): the set changes, not the result it holds
        }
        if (mutation.call().equals(helper.fact().name()) && mutation.arguments() == handOff.toArguments()) {
          return Optional.of(helper.fact().displayName() + "(), which returns it, and "
              + (nameCaller ? caller.fact().displayName() + "() " : "") + "changes what that returns (" + mutation.how() + ")");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@code return same.sameList(dao.all())}, {@code dao.all().stream().map(same::same)}: a project helper hands back
   * what it got (or a part of it), so where the caller returns or passes on that call's result, the result goes
   * (hostile: followed only through the caller's own uses of the helper's calls; a change right there is
   * {@link #changedOnReturn}'s).
   */
  Optional<String> usedAfterHelper(IndexedMethod caller, MethodFact.HandOff handOff, String resultType,
      Set<IndexedMethod> seen, boolean partOnly) {
    for (IndexedMethod helper : returningIt(caller, handOff)) {
      if (sharing.immutable(helper.fact().returnType())) {
        continue; // a String read from the result: nobody changes it
      }
      for (MethodFact.HandOff next : caller.fact().handOffs()) {
        if (!helper.fact().name().equals(next.fromCall()) || next.fromArguments() != handOff.toArguments()) {
          continue;
        }
        String passes = caller.fact().displayName() + "() passes the result it gets to " + helper.fact().displayName()
            + "(), which returns it, and ";
        if (next.to().equals(MethodFact.RETURNED)) {
          Optional<String> above = sharing.mutatingCaller(caller, resultType, seen, partOnly || handOff.part() || next.part());
          if (above.isPresent()) {
            return Optional.of(passes + "returns that, and " + above.get());
          }
          continue;
        }
        Optional<String> how = sharing.changedDownstream(caller, next, new java.util.HashSet<>(), handOff.part() || next.part(),
            resultType);
        if (how.isPresent()) {
          return Optional.of(passes + "passes that to " + how.get() + ": a cached result is one object shared by "
              + "every caller, so the change would leak into later answers");
        }
      }
    }
    return Optional.empty();
  }

}
