package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.rewriters.caching.text.WrittenTypes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Project helpers that return what they are handed ({@code first(pets)}, {@code mapper::same}), and what callers do with it. */
final class HelperReturns {
  private final ResultSharing sharing;
  private final dev.optkit.analyzers.index.ProjectIndex index;

  HelperReturns(ResultSharing sharing, dev.optkit.analyzers.index.ProjectIndex index) {
    this.sharing = sharing;
    this.index = index;
  }

  /**
   * "H(), which returns it" (or "a new object holding it or a part of it", "a part of it"), or for code not in the
   * sources what optkit cannot tell.
   */
  String returnsIt(IndexedMethod helper, MethodFact.HandOff handOff) {
    if (helper.fact().isAbstract()) {
      return helper.fact().displayName() + "(), whose implementation is not in the sources (build the project first), "
          + "and which may return it or a part of it";
    }
    int position = ResultSharing.parameterAt(helper, handOff.position());
    boolean part = helper.fact().handOffs().stream().anyMatch(h -> h.fromCall() == null && h.fromParameter() == position
        && h.returned() && h.part());
    return helper.fact().displayName() + (holderOnly(helper, handOff) ? "(), which returns a new object holding it or a "
        + "part of it" : part ? "(), which returns it or a part of it" : "(), which returns it");
  }

  /**
   * Whether an abstract method's result may be its argument: its type is the argument's, a supertype of it, or one
   * optkit cannot tell ({@code Object}, a type variable); {@code CatDto toDto(Cat)} answers another object, which
   * may at most hold it.
   */
  private boolean mayBeTheArgument(IndexedMethod helper, int position) {
    if (position < 0 || position >= helper.fact().params().size()) {
      return true;
    }
    String returned = TypeNames.raw(helper.fact().returnType());
    String taken = TypeNames.raw(helper.fact().params().get(position).qualifiedType());
    if (index.type(returned).isEmpty() || index.type(taken).isEmpty()) {
      return true; // a JDK or library type, or a type variable
    }
    return returned.equals(taken) || index.supertypesOf(taken).contains(returned);
  }

  /** Whether every way the helper returns the argument is the argument itself, no part of it and no holder. */
  boolean returnsWhole(IndexedMethod helper, MethodFact.HandOff handOff) {
    int position = ResultSharing.parameterAt(helper, handOff.position());
    List<MethodFact.HandOff> returned = helper.fact().handOffs().stream().filter(h -> h.fromCall() == null
        && h.fromParameter() == position && h.returned()).toList();
    return !helper.fact().isAbstract() && !returned.isEmpty()
        && returned.stream().noneMatch(h -> h.part() || h.held());
  }

  /**
   * Whether the helper hands back only a new holder of what it got ({@code return new RestaurantTo(r.getName(),
   * r.getDishes())}, {@code set.add(p); return set}): a change of the holder itself, or of its membership, is no
   * change of what it holds.
   */
  boolean holderOnly(IndexedMethod helper, MethodFact.HandOff handOff) {
    int position = ResultSharing.parameterAt(helper, handOff.position());
    if (helper.fact().isAbstract()) {
      // an implementation not in the sources: another object than the argument holds at most parts of it
      return !mayBeTheArgument(helper, position);
    }
    // what it returns that carries the argument: the argument itself, or what a call it handed the argument to
    // returned (deptDtos.add(mapper.toDto(dept)); return deptDtos)
    java.util.Set<String> handedTo = new java.util.HashSet<>();
    helper.fact().handOffs().stream().filter(h -> h.fromCall() == null && h.fromParameter() == position
        && !h.returned()).forEach(h -> handedTo.add(h.target() + "/" + h.toArguments()));
    List<MethodFact.HandOff> returned = helper.fact().handOffs().stream().filter(h -> h.returned()
        && (h.fromCall() == null ? h.fromParameter() == position
            : handedTo.contains(h.fromCall() + "/" + h.fromArguments()))).toList();
    return !returned.isEmpty() && returned.stream().allMatch(MethodFact.HandOff::held);
  }

  /**
   * Whether a change of what a holder-returning helper returns is made by the holder's own method on the holder itself
   * ({@code createTo(r).setRating(n)}): not on what it holds ({@code listOf(p).get(0).setName(n)}, {@code for (Owner o :
   * ownersOf(p)) o.setName(n)}, {@code Batch.of(p).first().setName(n)}: hostile review 42's c10), which the facts
   * name the same way, and not by a method the held type has too.
   */
  boolean changesTheHolder(IndexedMethod helper, MethodFact.ResultMutation change) {
    if (!change.itself() || !(change.change() instanceof dev.optkit.analyzers.facts.Change.Call call && call.onItself())) {
      return false;
    }
    String method = call.method();
    String holder = TypeNames.raw(helper.fact().returnType());
    if (index.type(holder).isEmpty()) {
      return false; // a JDK container: its own changes are the container changes, said apart
    }
    List<String> holders = new java.util.ArrayList<>(List.of(holder));
    holders.addAll(index.supertypesOf(holder));
    // the holder's own method, and one that only assigns its field (createTo(r).setRating(n)): Batch.of(p).mark("?")
    // renaming the pets it holds is the holder's method too (hostile review 43's h3)
    List<IndexedMethod> declared = holders.stream().flatMap(type -> index.methods(type, method).stream()).toList();
    boolean own = !declared.isEmpty() && declared.stream().allMatch(m -> m.fact().calls().isEmpty()
        && m.fact().opaqueCalls().isEmpty() && m.fact().parameterMutations().stream().allMatch(p ->
            p.parameter() == MethodFact.RECEIVER && p.change() instanceof dev.optkit.analyzers.facts.Change.AssignsField
                || p.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField));
    boolean held = helper.fact().params().stream().anyMatch(param -> {
      List<String> types = new java.util.ArrayList<>(List.of(TypeNames.raw(param.qualifiedType())));
      types.addAll(index.supertypesOf(types.get(0)));
      return types.stream().filter(type -> !type.equals("java.lang.Object") && !type.equals("java.io.Serializable"))
          .anyMatch(type -> index.type(type).isEmpty() ? !type.startsWith("java.")
              || ResultSharing.containerChange(change.change()) || method.equals("set")
              : !index.methods(type, method).isEmpty());
    });
    return own && !held;
  }

  /**
   * The project methods a hand-off reaches that return the argument (or a part of it) they get there: directly, through
   * a call they hand it to that returns it ({@code a(p) { return b(p); }}, up to {@link #CHAIN} calls deep), or by code
   * not in the sources (an interface whose implementation a build or a jar brings: hostile review 41's m17, m49).
   */
  List<IndexedMethod> returningIt(IndexedMethod caller, MethodFact.HandOff handOff) {
    if (handOff.position() < 0 || handOff.constructed() || handOff.returned()) {
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
      // its code is not here: whatever implements it may hand the argument back, unless what it takes is a value
      // (findById(Long)) or it is a query method the library answers from the database (save* returns its argument)
      boolean value = position >= 0 && position < helper.fact().params().size()
          && sharing.immutable(helper.fact().params().get(position).qualifiedType());
      boolean query = index.implementedByLibrary(helper).isPresent() && !helper.fact().name().startsWith("save");
      // PetDto toDto(Pet): a MapStruct mapper copies the pet's Owner into the DTO as it is (hostile review 42's c3)
      return !value && !query && !sharing.immutable(helper.fact().returnType())
          && !helper.fact().returnType().equals("void") && (mayBeTheArgument(helper, position)
              || sharing.mayHoldPartsOf(WrittenTypes.returnType(helper.fact()), position < 0
                  || position >= helper.fact().params().size() ? null : helper.fact().params().get(position).type()));
    }
    for (MethodFact.HandOff returned : helper.fact().handOffs()) {
      if (returned.fromCall() == null && returned.fromParameter() == position
          && returned.returned() && sharing.mayReturnIt(helper, returned)) {
        return true;
      }
    }
    if (depth >= CHAIN) {
      return false;
    }
    // a(p) { return b(p); }: p handed to b, and b's result returned
    for (MethodFact.HandOff passed : helper.fact().handOffs()) {
      if (passed.fromCall() != null || passed.fromParameter() != position || passed.position() < 0
          || passed.returned() || passed.constructed()) {
        continue;
      }
      boolean resultReturned = helper.fact().handOffs().stream().anyMatch(h -> passed.target().equals(h.fromCall())
          && h.fromArguments() == passed.toArguments() && h.returned()
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
        if ((handOff.held() || holderOnly(helper, handOff)) && ResultSharing.containerChange(mutation.change())) {
          continue; // menuSet = getChildMenus(menus, menuSet); menuSet.add(...): the set changes, not the result it holds
        }
        if (holderOnly(helper, handOff) && changesTheHolder(helper, mutation)) {
          continue; // createTo(r).setRating(n): the new DTO changes, not the restaurant it was made from
        }
        if (mutation.call().equals(helper.fact().name()) && mutation.arguments() == handOff.toArguments()) {
          return Optional.of(returnsIt(helper, handOff) + ", and "
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
      for (MethodFact.HandOff handedOn : caller.fact().handOffs()) {
        MethodFact.HandOff next = handedOn;
        if (!helper.fact().name().equals(next.fromCall()) || next.fromArguments() != handOff.toArguments()) {
          continue;
        }
        if (handOff.held() || holderOnly(helper, handOff)) {
          // what comes back holds the result: its own changes (an add to the set) are no change of the result
          next = new MethodFact.HandOff(next.fromCall(), next.fromArguments(), next.fromParameter(), next.target(),
              next.toArguments(), next.position(), next.fromLine(), next.fromColumn(), next.part(), true,
              next.thenCalled(), next.held() ? next.keptBy() : null);
        }
        String passes = caller.fact().displayName() + "() passes the result it gets to " + returnsIt(helper, handOff) + ", and ";
        if (next.returned()) {
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
