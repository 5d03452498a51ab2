package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.LoopDependence;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ReachedIo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "SequentialIoLoop",
    title = "Sequential I/O loop",
    category = Category.IO_LOOP,
    severity = Severity.HIGH,
    summary = "A loop that waits on a remote call or a query once per iteration (the N+1 shape).",
    description = "for, enhanced for, while, do, Iterable.forEach and sequential stream pipelines whose body "
        + "performs I/O, directly or through methods of the project (at any depth, cycles included; an interface "
        + "method reaches the superclass method a subclass inherits as its implementation; a call on what a getter "
        + "returns is a call on the getter's declared type; a call of a project query helper with SQL or URL text "
        + "is that query). Each such loop "
        + "is classified: an N+1 query (batch it), independent remote calls (run them with bounded concurrency), "
        + "or futures joined inside the loop (start all, then join). Iterations are independent when they share no "
        + "state but collected results and do not stop early on what they find; loops in @Transactional methods "
        + "or synchronized code are not safely parallelizable. A loop that runs until stopped, carries nothing "
        + "between iterations and has no exit of its own (a consumer taking its next message, a worker polling while "
        + "a flag says so) goes over no collection and is not one; nor is a loop drawing a value afresh until a "
        + "query says it is free (a random order number), which runs once but on a collision; a loop paging by a "
        + "token or a page number, or draining a queue until it is empty, is. A loop around such loops, with no I/O "
        + "of its own, is one too: each of its iterations runs theirs again.",
    remediation = "Batch queries (WHERE id IN (...), findAllById, batchUpdate); run independent remote calls "
        + "concurrently with a bounded executor; start every future first and join them after the loop.")
public final class SequentialIoLoopRule implements Rule {
  private static final int MAX_LISTED = 10;

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (IndexedMethod method : context.index().methods()) {
      java.util.Map<LoopFact, List<ReachedIo>> reported = new java.util.LinkedHashMap<>();
      List<LoopFact> quiet = new ArrayList<>();
      for (LoopFact loop : method.fact().loops()) {
        if (untilStopped(loop) || redrawnUntilFree(context, method, loop)) {
          continue;
        }
        List<ReachedIo> perIteration = perIteration(context, method, loop);
        if (!perIteration.isEmpty() && !chunked(loop, perIteration)) {
          findings.add(describe(context, method, loop, perIteration));
          reported.put(loop, perIteration);
        } else if (perIteration.isEmpty()) {
          quiet.add(loop);
        }
      }
      for (LoopFact outer : quiet) {
        aroundReported(context, method, outer, reported).ifPresent(findings::add);
      }
    }
    return findings;
  }

  /**
   * A loop of no I/O of its own around loops that are findings, in the same method and run in its turn (not in a task
   * it hands on): each of its iterations runs their I/O again, so batching the inner loop still leaves one batch per
   * outer element (blind trials' nested loops: the outer one went unreported, 14 loops in one). One finding, with the
   * inner loops' I/O and their lines ({@code innerLoops}).
   */
  private Optional<Finding> aroundReported(RuleContext context, IndexedMethod method, LoopFact outer,
      java.util.Map<LoopFact, List<ReachedIo>> reported) {
    if (outer.dependenceReasons().stream().anyMatch(d -> d.kind() == LoopDependence.Kind.BREAKS
        || d.kind() == LoopDependence.Kind.RETURNS)) {
      return Optional.empty(); // it may leave after its first turn: how often the inner loop runs again is not told
    }
    List<LoopFact> loops = method.fact().loops();
    int at = loops.indexOf(outer);
    List<ReachedIo> inner = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (java.util.Map.Entry<LoopFact, List<ReachedIo>> nested : reported.entrySet()) {
      if (runsInTurnOf(loops, nested.getKey(), at)) {
        nested.getValue().stream().filter(io -> !inner.contains(io)).forEach(inner::add);
        lines.add(nested.getKey().range().line());
      }
    }
    if (inner.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(describe(context, method, outer, inner).withDetail("innerLoops", List.copyOf(lines))
        .withFix(false, "migrate rewrites the loops this one runs (lines " + lines.stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(", ")) + ") where it proves that safe, not this loop itself"));
  }

  /** Whether the loop runs in every iteration of the method's loop at {@code outer}, directly or through loops between. */
  private static boolean runsInTurnOf(List<LoopFact> loops, LoopFact loop, int outer) {
    int at = loop.inTurnOf();
    for (int steps = 0; at >= 0 && at < loops.size() && steps < loops.size(); steps++) {
      if (at == outer) {
        return true;
      }
      at = loops.get(at).inTurnOf();
    }
    return false;
  }

  /**
   * A loop that runs until it is stopped, with no exit of its own, and carries no value from one iteration to the next
   * (a consumer taking its next message, a worker polling while a flag says so): no collection is gone over, so there is nothing to batch or run
   * concurrently; its I/O is the service's own work, not an N+1. A loop that does carry one (a paging token, a page
   * number, a cursor; a counter too, which may be a page's) goes over pages, and stays a finding.
   */
  private static boolean untilStopped(LoopFact loop) {
    return loop.dependenceReasons().stream().anyMatch(d -> d.kind() == LoopDependence.Kind.UNTIL_STOPPED)
        && loop.dependenceReasons().stream().noneMatch(LoopDependence::carriesLocal);
  }

  /**
   * A while or do loop over no collection whose only state carried from one iteration to the next is a value drawn
   * afresh each time (the clock or a random source read in it, or by a method it calls), until its condition says the
   * value is free: {@code while (countBySn(sn) != 0) sn = now + randomNum(6);}. It runs its query once but on a
   * collision; there are no elements to batch (a blind trial's shop: five order-number loops reported as a query per
   * iteration). A loop carrying anything else, or drawing a value of the previous one's, stays a finding.
   */
  private static boolean redrawnUntilFree(RuleContext context, IndexedMethod method, LoopFact loop) {
    if (!loop.kind().equals("while") && !loop.kind().equals("do-while")) {
      return false;
    }
    boolean drawn = false;
    for (LoopDependence reason : loop.dependenceReasons()) {
      if (reason.kind() == LoopDependence.Kind.CONDITION) {
        continue;
      }
      if (reason.kind() != LoopDependence.Kind.ASSIGNS || reason.draw() == null || !fresh(context, method, reason.draw())) {
        return false;
      }
      drawn = true;
    }
    return drawn;
  }

  /** Whether the value reads the clock or a random source, itself or in every method one of its calls may run. */
  private static boolean fresh(RuleContext context, IndexedMethod method, LoopDependence.Draw draw) {
    if (draw.here()) {
      return true;
    }
    for (int index : draw.calls()) {
      List<IndexedMethod> targets = context.index().targetsOf(method.fact().calls().get(index));
      if (!targets.isEmpty() && targets.stream().allMatch(target -> target.fact().timeOrRandomUses().stream()
          .anyMatch(dev.optkit.analyzers.facts.extract.TimeAndRandom::changesFromReadToRead))) {
        return true;
      }
    }
    return false;
  }

  /** Calls that take many keys or rows at once: a counted loop of them is a batch per chunk, the fix of an N+1. */
  private static final java.util.Set<String> BULK = java.util.Set.of("findAllById", "saveAll", "deleteAllById",
      "batchUpdate");

  /** {@code for (int from = 0; ...; from += 1000) repo.findAllById(ids.subList(...))}: one query per chunk. */
  private static boolean chunked(LoopFact loop, List<ReachedIo> perIteration) {
    return loop.kind().equals("for") && perIteration.stream().allMatch(r -> r.direct()
        && BULK.contains(r.site().method()));
  }

  private List<ReachedIo> perIteration(RuleContext context, IndexedMethod method, LoopFact loop) {
    List<ReachedIo> reached = new ArrayList<>();
    // api.item(id).blockingGet(), call.execute() per element: the request a declared client's method built, sent here
    java.util.Map<dev.optkit.analyzers.facts.SourceRange, IoSite> sent = new java.util.LinkedHashMap<>();
    for (int index : loop.sentRequests()) {
      context.index().sentRequest(method, method.fact().sentRequests().get(index))
          .ifPresent(site -> sent.put(site.range(), site));
    }
    for (int index : loop.ioSites()) {
      IoSite written = method.fact().ioSites().get(index);
      IoSite site = sent.containsKey(written.range()) && sent.get(written.range()).kind() == written.kind()
          ? sent.remove(written.range()) : written; // Call's execute(): the request with its verb and path
      boolean deferred = site.deferred() && !loop.inlineSites().contains(index);
      if (loop.futuresJoinedInside() || !site.async() && !deferred) {
        reached.add(new ReachedIo(site, method.path(), List.of(), site.confidence()));
      }
    }
    for (int index : loop.calls()) {
      CallRef call = loop.runsInline(index) ? method.fact().calls().get(index).inPlace()
          : method.fact().calls().get(index);
      if ((call.deferred() || runsOnSpringsExecutor(context, method, call)) && !loop.futuresJoinedInside()) {
        continue;
      }
      context.index().declaredSite(call)
          .ifPresentOrElse(declared -> {
                IoSite site = sent.containsKey(declared.range()) && sent.get(declared.range()).kind() == declared.kind()
                    ? sent.remove(declared.range()) : declared; // api.item(id).execute(): the request it sends
                if (!site.async() || loop.futuresJoinedInside()) { // a cold Single built, sent after the loop
                  reached.add(new ReachedIo(site, method.path(), List.of(), site.confidence()));
                }
              },
              () -> context.index().reachedThrough(method, call).stream()
                  .filter(r -> !r.site().async() || loop.futuresJoinedInside())
                  .forEach(reached::add));
    }
    // con.createQuery(sql).addParameter("id", id).executeUpdate() per element: a library chain's link whose bytecode
    // reaches I/O (the recall study's SparkAndSql2o: its queries were said to run "once per loop iteration", and the
    // loop was no finding)
    for (int index : loop.opaqueCalls()) {
      CallRef link = method.fact().opaqueCalls().get(index);
      if (!link.deferred() || loop.futuresJoinedInside()) {
        context.index().librarySite(link).filter(site -> !site.async() || loop.futuresJoinedInside())
            .ifPresent(site -> reached.add(new ReachedIo(site, method.path(), List.of(), site.confidence())));
      }
    }
    for (IoSite site : sent.values()) {
      if ((!site.async() && !site.deferred() || loop.futuresJoinedInside())
          && reached.stream().noneMatch(r -> r.direct() && r.site().range().equals(site.range()))) {
        reached.add(new ReachedIo(site, method.path(), List.of(), site.confidence()));
      }
    }
    return reached;
  }

  /**
   * A call of another bean's {@code @Async} method in an application that enables them ({@code @EnableAsync}):
   * Spring's proxy hands it to an executor and returns at once, so its I/O runs beside the loop, not in its turn
   * (the stream survey's conductor: {@code ids.stream().map(sweeper::sweepAsync)}, joined after the loop). A call
   * on the object's own method bypasses the proxy and runs in place; without {@code @EnableAsync} every call does.
   */
  private static boolean runsOnSpringsExecutor(RuleContext context, IndexedMethod caller, CallRef call) {
    List<IndexedMethod> targets = context.index().allTargetsOf(call);
    return !targets.isEmpty() && !caller.fact().ownerType().equals(call.receiverType())
        && targets.stream().allMatch(target -> target.fact().hasAnnotation("org.springframework.scheduling.annotation.Async")
            && !target.fact().isStatic() && !target.fact().isPrivate())
        && asyncEnabled(context);
  }

  private static boolean asyncEnabled(RuleContext context) {
    return context.index().types().stream().anyMatch(type -> type.annotations().stream()
        .anyMatch(a -> a.equals("org.springframework.scheduling.annotation.EnableAsync") || a.equals("EnableAsync")));
  }

  private Finding describe(RuleContext context, IndexedMethod method, LoopFact loop, List<ReachedIo> perIteration) {
    boolean dbRead = perIteration.stream().anyMatch(r -> r.site().kind() == ClientKind.DB && r.site().access() == Access.READ);
    boolean dbWrite = perIteration.stream().anyMatch(r -> r.site().kind() == ClientKind.DB && r.site().access() == Access.WRITE);
    boolean db = perIteration.stream().anyMatch(r -> r.site().kind() == ClientKind.DB);
    LoopClassification classification;
    if (loop.futuresJoinedInside()) {
      classification = LoopClassification.FUTURES_JOINED;
    } else if (dbRead) {
      classification = loop.independent() || keysIgnoreCarriedLocals(context, method, loop)
          ? LoopClassification.N_PLUS_ONE : LoopClassification.DEPENDENT_QUERIES;
    } else if (dbWrite) {
      classification = LoopClassification.WRITE_PER_ELEMENT;
    } else if (db) {
      classification = LoopClassification.STATEMENT_PER_ELEMENT;
    } else {
      classification = loop.independent() ? LoopClassification.INDEPENDENT_REMOTE_CALLS
          : LoopClassification.DEPENDENT_REMOTE_CALLS;
    }
    boolean parallelizable = loop.independent() && !loop.inTransactional() && !loop.inSynchronized();
    Finding.Remedy remedy = switch (classification) {
      case N_PLUS_ONE -> Finding.Remedy.BATCH;
      case WRITE_PER_ELEMENT -> loop.independent() ? Finding.Remedy.BATCH : Finding.Remedy.NONE;
      case FUTURES_JOINED, INDEPENDENT_REMOTE_CALLS -> parallelizable ? Finding.Remedy.PARALLELIZE : Finding.Remedy.NONE;
      default -> Finding.Remedy.NONE;
    };
    Severity severity = remedy == Finding.Remedy.NONE ? Severity.MEDIUM : Severity.HIGH;
    Confidence confidence = Confidence.LOW;
    for (ReachedIo reached : perIteration) {
      if (reached.confidence().compareTo(confidence) < 0) {
        confidence = reached.confidence();
      }
    }
    List<String> described = new ArrayList<>();
    Set<IoSite> sites = new LinkedHashSet<>();
    for (ReachedIo reached : perIteration) {
      sites.add(reached.site());
      described.add(ReachedSites.describe(reached, context.index().messageDepth(), false));
    }
    List<String> unsafe = new ArrayList<>();
    if (loop.inTransactional()) {
      unsafe.add("runs inside a @Transactional method: concurrent work would leave the transaction");
    }
    if (loop.inSynchronized()) {
      unsafe.add("runs while holding a lock (synchronized)");
    }
    Optional<String> batchMethod = loop.calls().stream()
        .map(c -> BatchSiblings.of(context.index(), method.fact().calls().get(c)))
        .flatMap(Optional::stream).findFirst();
    String note = fixNote(classification) + batchNote(batchMethod.orElse(null));
    return FindingDraft.in(info(), method, loop.range(), loop.snippet())
        .severity(severity)
        .confidence(confidence)
        .message(message(classification, method, loop, described.get(named(classification, perIteration)), parallelizable)
            + alsoRemote(classification, perIteration).map(i -> "; each iteration also waits on " + described.get(i)
                + ", which batching leaves").orElse(""))
        .detail("alsoRemote", alsoRemote(classification, perIteration)
            .map(i -> IoSiteRule.via(perIteration.get(i).site())).orElse(null))
        .detail("loopKind", loop.kind())
        .detail("classification", classification.id())
        .detail("independent", loop.independent())
        .detail("dependenceReasons", loop.dependenceReasons().isEmpty() ? null
            : loop.dependenceReasons().stream().map(LoopDependence::text).toList())
        .detail("parallelizable", parallelizable)
        .detail("notParallelizableBecause", unsafe.isEmpty() ? null : unsafe)
        .detail("inTransactional", loop.inTransactional() ? Boolean.TRUE : null)
        .detail("batchMethod", batchMethod.orElse(null))
        .detail("perIteration", described.stream().distinct().limit(MAX_LISTED).toList())
        .detail("perIterationCount", described.stream().distinct().count() > MAX_LISTED ? described.stream().distinct().count() : null)
        .fix(false, note)
        .refused(classification.neverRewritten().map(proof -> new Reason(proof, note)))
        .basis(new Finding.SavingsBasis(remedy, List.copyOf(sites)))
        .build();
  }

  /**
   * The end of a loop finding's fix note that names its client's batch method ({@code details.batchMethod}),
   * or "" when it has none.
   */
  public static String batchNote(Object batchMethod) {
    return batchMethod == null ? "" : "; its client has " + batchMethod + ": one call with all the keys would "
        + "replace the loop's calls (not rewritten: what it answers for a missing or repeated key, and in which "
        + "order, is its server's or query's contract)";
  }

  /** What migrate does with loops of this class, for the finding's fix note. */
  private static String fixNote(LoopClassification classification) {
    return switch (classification) {
      case FUTURES_JOINED -> "migrate starts such calls ahead where it proves that safe; run optkit migrate for its verdict";
      case INDEPENDENT_REMOTE_CALLS, DEPENDENT_REMOTE_CALLS ->
          "migrate runs such calls ahead on a bounded pool where it proves that safe; run optkit migrate for its verdict";
      case N_PLUS_ONE -> "migrate batches a Spring Data findById per element into findAllById, and a JdbcTemplate or "
          + "NamedParameterJdbcTemplate queryForObject or query per key into one IN query per chunk of keys, "
          + "where it proves that safe; run optkit migrate for its verdict";
      case WRITE_PER_ELEMENT -> "migrate batches a JdbcTemplate update per element into batchUpdate inside one transaction "
          + "where it proves that safe; run optkit migrate for its verdict";
      case DEPENDENT_QUERIES, STATEMENT_PER_ELEMENT -> "migrate does not batch "
          + (classification == LoopClassification.DEPENDENT_QUERIES
              ? "queries whose iterations depend on each other" : "other statements per element")
          + " (it batches independent Spring Data findById and JdbcTemplate queryForObject loops and "
          + "JdbcTemplate updates in a transaction, and runs remote calls ahead)";
    };
  }

  /**
   * Iterations that carry only locals ({@code total += price * qty}) still look up keys that no earlier
   * iteration chose, when no query of the loop names those locals: such a loop's reads can be made
   * in one batch ahead of it (migrate proves the key itself). A field may be read by a helper the
   * query calls, and an exit or a re-evaluated condition decides which keys are reached: those stay
   * dependent.
   */
  private static boolean keysIgnoreCarriedLocals(RuleContext context, IndexedMethod method, LoopFact loop) {
    Set<String> carried = new java.util.HashSet<>();
    for (LoopDependence dependence : loop.dependenceReasons()) {
      if (!dependence.carriesLocal()) {
        return false;
      }
      carried.add(dependence.name());
    }
    Set<String> fields = new java.util.HashSet<>();
    context.index().type(method.fact().ownerType()).ifPresent(type -> fields.addAll(type.fieldTypes().keySet()));
    for (String supertype : context.index().supertypesOf(method.fact().ownerType())) {
      context.index().type(supertype).ifPresent(type -> fields.addAll(type.fieldTypes().keySet()));
    }
    if (carried.stream().anyMatch(fields::contains)) {
      return false;
    }
    List<String> queries = new ArrayList<>();
    for (int index : loop.ioSites()) {
      IoSite site = method.fact().ioSites().get(index);
      if (site.kind() == ClientKind.DB) {
        queries.add(site.snippet());
      }
    }
    for (int index : loop.calls()) {
      CallRef call = method.fact().calls().get(index);
      boolean db = context.index().declaredSite(call).map(site -> site.kind() == ClientKind.DB)
          .orElseGet(() -> context.index().reachedThrough(method, call).stream().anyMatch(r -> r.site().kind() == ClientKind.DB));
      if (db) {
        queries.add(call.snippet());
      }
    }
    for (String query : queries) {
      java.util.regex.Matcher identifier = IDENTIFIER.matcher(query == null ? "?" : query);
      while (identifier.find()) {
        if (carried.contains(identifier.group())) {
          return false;
        }
      }
    }
    return !queries.isEmpty() && queries.stream().allMatch(java.util.Objects::nonNull);
  }

  private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /**
   * Which per-iteration site the message names: the first of the kind its classification says (a query for an N+1 of
   * queries, a database write for a write per element), not the first of any (a trial's "N+1 query ... runs RabbitMQ
   * exchangeDeclare()" named a broker call beside the loop's queries).
   */
  private static int named(LoopClassification classification, List<ReachedIo> perIteration) {
    java.util.function.Predicate<IoSite> wanted = switch (classification) {
      case N_PLUS_ONE, DEPENDENT_QUERIES -> site -> site.kind() == ClientKind.DB && site.access() == Access.READ;
      case WRITE_PER_ELEMENT -> site -> site.kind() == ClientKind.DB && site.access() == Access.WRITE;
      case STATEMENT_PER_ELEMENT -> site -> site.kind() == ClientKind.DB;
      default -> site -> true;
    };
    for (int i = 0; i < perIteration.size(); i++) {
      if (wanted.test(perIteration.get(i).site())) {
        return i;
      }
    }
    return 0;
  }

  /**
   * What a loop classified by its queries waits on besides them: its first remote call, which batching the queries
   * leaves as it is (a blind trial's mail poller: "N+1 query ... batch it", while each iteration logged in to a mail
   * server first), by its index. Empty where the loop waits on no remote call, or is classified by its remote calls.
   */
  private static Optional<Integer> alsoRemote(LoopClassification classification, List<ReachedIo> perIteration) {
    if (classification != LoopClassification.N_PLUS_ONE && classification != LoopClassification.DEPENDENT_QUERIES
        && classification != LoopClassification.WRITE_PER_ELEMENT
        && classification != LoopClassification.STATEMENT_PER_ELEMENT) {
      return Optional.empty();
    }
    for (int i = 0; i < perIteration.size(); i++) {
      if (perIteration.get(i).site().kind() == ClientKind.API) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private String message(LoopClassification classification, IndexedMethod method, LoopFact loop, String first, boolean parallelizable) {
    String where = loop.kind() + " loop in " + method.fact().displayName();
    return switch (classification) {
      case N_PLUS_ONE -> "N+1 query: " + where + " runs " + first + " once per iteration; batch it";
      case WRITE_PER_ELEMENT -> "One write per iteration: " + where + " runs " + first + "; batch the writes";
      case STATEMENT_PER_ELEMENT -> "One statement per iteration: " + where + " runs " + first;
      case DEPENDENT_QUERIES -> "Query per iteration: " + where + " runs " + first
          + "; iterations depend on each other, so batching needs a rework of the loop";
      case FUTURES_JOINED -> "Futures joined inside the " + where + ": " + first
          + " completes before the next starts; start all, then join";
      case INDEPENDENT_REMOTE_CALLS -> "Sequential remote calls: " + where + " waits on " + first
          + " once per iteration" + (parallelizable ? "; iterations are independent, run them concurrently" : "");
      default -> "Sequential remote calls: " + where + " waits on " + first
          + " once per iteration; iterations depend on each other";
    };
  }
}
