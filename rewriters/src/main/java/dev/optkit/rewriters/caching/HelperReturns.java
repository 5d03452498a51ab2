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

  /**
   * The project methods a hand-off reaches that return the argument (or a part of it) they get there: directly, through
   * a call they hand it to that returns it ({@code a(p) { return b(p); }}, up to {@link #CHAIN} calls deep), or by code
   * not in the sources (an interface whose implementation a build or a jar brings: hostile review 41's m17, m49).
   */
  List<IndexedMethod> returningIt(IndexedMethod caller, MethodFact.HandOff handOff) {
    if (handOff.position() < 0 || handOff.to().startsWith("new ") || handOff.to().equals(MethodFact.RETURNED)) {
      return List.of();
    }
    List<IndexedMethod> receivers = sharing.receivers(caller, handOff);
    if (receivers.isEmpty()) {
      return List.of();
    }
    boolean implemented = receivers.stream().anyMatch(helper -> !helper.fact().isAbstract());
    return receivers.stream().filter(helper -> !(implemented && helper.fact().isAbstract())).filter(helper -> returnsParameter(helper,
        ResultSharing.parameterAt(helper, handOff.position()), 0)).toList();
  }

  private static final int CHAIN = 4;

  private boolean returnsParameter(IndexedMethod helper, int position, int depth) {
    if (helper.fact().isAbstract()) {
      // its code is not here: whatever implements it may hand the argument back
      return !sharing.immutable(helper.fact().returnType()) && !helper.fact().returnType().equals("void");
    }
    for (MethodFact.HandOff returned : helper.fact().handOffs()) {
      if (returned.fromCall() == null && returned.fromParameter() == position
          && returned.to().equals(MethodFact.RETURNED) && sharing.mayReturnIt(helper, returned)) {
        return true;
      }
    }
    if (depth >= CHAIN) {
      return false;
    }
    // a(p) { return b(p); }: p handed to b, and b's result returned
    for (MethodFact.HandOff passed : helper.fact().handOffs()) {
      if (passed.fromCall() != null || passed.fromParameter() != position || passed.position() < 0
          || passed.to().equals(MethodFact.RETURNED) || passed.to().startsWith("new ")) {
        continue;
      }
      boolean resultReturned = helper.fact().handOffs().stream().anyMatch(h -> passed.to().equals(h.fromCall())
          && h.fromArguments() == passed.toArguments() && h.to().equals(MethodFact.RETURNED)
          && sharing.mayReturnIt(helper, h));
      if (resultReturned && sharing.receivers(helper, passed).stream().anyMatch(next ->
          returnsParameter(next, ResultSharing.parameterAt(next, passed.position()), depth + 1))) {
        return true;
      }
    }
    return false;
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
