package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * A loop (statement, {@code forEach}, or sequential stream pipeline) and what runs in each
 * iteration. Sites and calls are indexes into the method's lists, innermost loop only.
 */
public record LoopFact(
    String kind,
    SourceRange range,
    String snippet,
    List<Integer> ioSites,
    List<Integer> calls,
    List<LoopDependence> dependenceReasons,
    boolean futuresJoinedInside,
    boolean inTransactional,
    boolean inSynchronized,
    List<Integer> elementCalls,
    List<Integer> opaqueCalls,
    List<Integer> sentRequests,
    List<Integer> inlineCalls,
    List<Integer> inlineSites,
    List<HandedElement> handedElement,
    int inTurnOf) {

  /**
   * @param elementCalls the calls (among {@code calls}) made on the loop's element
   *     ({@code pet.getVisits()} in {@code for (Pet pet : pets)} or {@code pets.forEach(pet -> ...)})
   * @param opaqueCalls the method's opaque calls (links of a library's chain, {@code con.createQuery(sql)
   *     .executeUpdate()}) run once per element, by index: the library's bytecode may show them I/O
   * @param sentRequests the method's {@link SentRequest}s run once per element, by index: the index tells which send a
   *     request a declared client built
   * @param inlineCalls of {@code calls}, those deferred from the method (it hands the code holding this loop to an
   *     executor, or keeps it to run later: {@code Callable<T> task = () -> { for (..) dao.get(id); ... }}) that run in
   *     the loop's own iteration all the same, wherever the loop itself runs
   * @param inlineSites of {@code ioSites}, those so
   * @param handedElement the calls run once per element that are handed the element itself as an argument ({@code new
   *     PlantDto(plant)}, {@code toResult(row)}): what the called code does with it is done to each element
   * @param inTurnOf the index (among the method's loops) of the loop in whose every iteration this one runs: it lies in
   *     that loop's body, condition or per-element lambda, with no other lambda or class between them; -1 when none
   *     (a loop in a for-each's header runs once, one in a task handed on runs when that task does)
   */
  public LoopFact {
    elementCalls = elementCalls == null ? List.of() : elementCalls; // facts cached before it existed
    opaqueCalls = opaqueCalls == null ? List.of() : opaqueCalls;
    sentRequests = sentRequests == null ? List.of() : sentRequests;
    inlineCalls = inlineCalls == null ? List.of() : inlineCalls;
    inlineSites = inlineSites == null ? List.of() : inlineSites;
    handedElement = handedElement == null ? List.of() : List.copyOf(handedElement);
  }

  /**
   * A call handed the loop's element.
   *
   * @param call the index of the call: among the method's {@code constructorCalls} when {@code construction}, else
   *     among its {@code calls}
   * @param construction whether it is a {@code new T(..)}
   * @param argument the position the element is handed at
   */
  public record HandedElement(int call, boolean construction, int argument) {}

  /** Whether the method's call (by index) waits in this loop's turn though the method defers it. */
  public boolean runsInline(int call) {
    return inlineCalls.contains(call);
  }

  public boolean independent() {
    return dependenceReasons.isEmpty();
  }
}
