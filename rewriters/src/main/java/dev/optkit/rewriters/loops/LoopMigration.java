package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.rules.LoopClassification;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.proof.Proof;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.source.EntityIds;
import dev.optkit.rewriters.source.ProjectSources;
import dev.optkit.rewriters.source.TypeVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The loop rewrites of a migration: for each selected loop finding migrate can fix, the rewrite or
 * the reason it was refused, merged into the caching plan's file changes (a file both change gets
 * the loop rewrite on top of its caching edits).
 */
public final class LoopMigration {
  /** Whether migrate rewrites loops of the class this finding names (its verdict is then assess's "fixable"). */
  public static boolean rewritable(Finding finding) {
    // a loop around loops that are findings (innerLoops) waits on their I/O, which migrate rewrites where it is
    return finding.ruleId().equals("SequentialIoLoop") && classification(finding).filter(LoopClassification::rewritable)
        .isPresent() && !finding.details().containsKey("innerLoops");
  }

  /** The class of loop a {@code SequentialIoLoop} finding reports, or empty for another finding. */
  static Optional<LoopClassification> classification(Finding finding) {
    return LoopClassification.of(finding.details().get("classification"));
  }

  private LoopMigration() {}

  /**
   * What the loop rewrites add to a migration: every file change (the ones handed in, with loop rewrites applied on
   * top of a file already changed), the loops' refusals and the loops rewritten.
   */
  public record LoopPlan(List<FileChange> changes, List<Refusal> refusals, List<LoopRewrite> loops) {}

  /** The loop rewrites over these changes (the caching plan's), at {@code planRoot}. */
  public static LoopPlan extend(Path planRoot, List<FileChange> planned, Path scanRoot, Assessment assessment,
      OptkitConfig config, Predicate<Finding> selected) {
    return extend(planRoot, planned, scanRoot, assessment, config, selected, Set.of());
  }

  /**
   * @param acceptReorder methods ({@code Class.method}, simple or qualified class) whose loops may run remote
   *     writes ahead, at once and in another order (--accept-reorder)
   */
  public static LoopPlan extend(Path planRoot, List<FileChange> planned, Path scanRoot, Assessment assessment,
      OptkitConfig config, Predicate<Finding> selected, Set<String> acceptReorder) {
    List<Finding> candidates = assessment.findings().stream()
        .filter(LoopMigration::rewritable)
        .filter(f -> !SourceSet.isTestPath(f.path()))
        .filter(selected)
        .toList();
    if (candidates.isEmpty()) {
      return new LoopPlan(planned, List.of(), List.of());
    }
    Path root = scanRoot.toAbsolutePath().normalize();
    LoopContext context = LoopContext.of(assessment.index(), root);
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    candidates.forEach(f -> byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
    List<FileChange> changes = new ArrayList<>(planned);
    List<LoopRewrite> rewritten = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    // functions of the whole project's index, made once (per file they were a third of the loop planner's time)
    Set<String> declaredClients = byFile.isEmpty() ? Set.of() : ThreadSafeTypes.declaredHttpClients(assessment.index());
    Set<String> projectCollections = byFile.isEmpty() ? Set.of() : ProjectCollections.of(assessment.index());
    for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
      // the plan's paths are relative to the project, the findings' to the scan
      String projectPath = planRoot.relativize(root.resolve(file.getKey()).normalize()).toString().replace('\\', '/');
      byte[] original = read(root.resolve(file.getKey()));
      SourceDocument document = SourceDocument.decode(original);
      Optional<CompilationUnit> parsed = LanguageLevels.parse(document.text());
      if (parsed.isEmpty()) {
        file.getValue().forEach(f -> refusals.add(new Refusal(f, Proof.FILE_DOES_NOT_PARSE, "the file does not parse as it is now")));
        continue;
      }
      parsed.get().setData(Imports.PACKAGE_TYPES, packageTypes(root.resolve(file.getKey())));
      parsed.get().setData(ThreadSafeTypes.DECLARED_CLIENTS, declaredClients);
      ProjectSources sources = new ProjectSources(root);
      JpaLoadScope jpaScope = new JpaLoadScope(assessment.index(), root);
      ConcurrentCalls concurrent = new ConcurrentCalls(assessment.index(), sources);
      ImmutableTypes immutables = new ImmutableTypes(assessment.index(), sources);
      TypeVariables typeVariables = new TypeVariables(assessment.index(), sources);
      EntityIds entityIds = new EntityIds(assessment.index(), sources, typeVariables);
      java.util.function.BiFunction<SourceDocument, CompilationUnit, Rewrites> rewritesOf = (doc, unit) -> new Rewrites(
          new FuturesJoinedInLoopRewrite(doc, unit, config.loops().inFlight()),
          new FuturesJoinedInLoopRewrite(doc, unit, config.loops().inFlight(), LoopProof.Start.BLOCKING_CALL,
              LoopCallPool.NAME),
          new FuturesJoinedInLoopRewrite(doc, unit, config.loops().inFlight(), LoopProof.Start.BLOCKING_CALL,
              LoopCallPool.NAME, true),
          new FindByIdBatchRewrite(doc, unit, assessment.index(), entityIds, typeVariables, jpaScope, immutables),
          new BatchUpdateRewrite(doc, unit, assessment.index()));
      Rewrites inOriginal = rewritesOf.apply(document, parsed.get());
      Set<CallableDeclaration<?>> methodsRewritten = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      LoopThreads threads = new LoopThreads(assessment.index(), sources);
      int release = javaRelease(planRoot, root.resolve(file.getKey()));
      Map<TypeDeclaration<?>, LoopThreads.Choice> pooled = new LinkedHashMap<>();
      Set<TypeDeclaration<?>> rethrowing = new LinkedHashSet<>();
      List<TextEdit> edits = new ArrayList<>();
      FileRewrites kept = new FileRewrites(java.util.Collections.unmodifiableList(edits),
          java.util.Collections.unmodifiableSet(methodsRewritten), release);
      Set<String> imports = new LinkedHashSet<>();
      List<String> descriptions = new ArrayList<>();
      List<LoopRewrite> inFile = new ArrayList<>();
      for (Finding finding : file.getValue()) {
        Optional<Node> found = "stream".equals(finding.details().get("loopKind"))
            ? StreamPipelineView.pipelineAt(parsed.get(), finding.line(), finding.column())
            : loopAt(parsed.get(), finding.line(), finding.column());
        Optional<IndexedMethod> indexed = assessment.index().methods().stream()
            .filter(m -> m.path().equals(finding.path()) && m.fact().range().line() <= finding.line()
                && m.fact().range().endLine() >= finding.endLine())
            .reduce((outer, inner) -> inner.fact().range().line() >= outer.fact().range().line() ? inner : outer);
        Optional<LoopFact> loopFact = indexed.flatMap(m -> m.fact().loops().stream()
            .filter(l -> l.range().line() == finding.line() && l.range().column() == finding.column()).findFirst());
        if (found.isEmpty() || loopFact.isEmpty()) {
          refusals.add(found.isEmpty()
              ? new Refusal(finding, Proof.LOOP_KIND, ForEachEquivalent.unsupported(String.valueOf(finding.details().get("loopKind"))))
              : new Refusal(finding, Proof.METHOD_MOVED, "the method moved since the assessment"));
          continue;
        }
        ForEachStmt loop;
        Rewrites using;
        ForEachEquivalent.View view = null;
        if (found.get() instanceof ForEachStmt forEach) {
          loop = forEach;
          using = inOriginal;
        } else {
          Optional<MethodCallExpr> written = found.get() instanceof MethodCallExpr pipeline ? Optional.of(pipeline)
              : StreamPipelineView.forEachWrittenAnew(found.get());
          ForEachEquivalent.Result read = written.isPresent()
              ? StreamPipelineView.of(document, parsed.get(), written.get(), projectCollections, assessment.index(), sources)
              : ForEachEquivalent.of(document, parsed.get(), found.get(), projectCollections);
          if (read instanceof ForEachEquivalent.NotEquivalent not) {
            refusals.add(new Refusal(finding, not.proof(), not.reason()));
            continue;
          }
          view = (ForEachEquivalent.View) read;
          view.unit().setData(Imports.PACKAGE_TYPES, parsed.get().getData(Imports.PACKAGE_TYPES));
          view.unit().setData(ThreadSafeTypes.DECLARED_CLIENTS, parsed.get().getData(ThreadSafeTypes.DECLARED_CLIENTS));
          loop = view.loop();
          using = rewritesOf.apply(view.document(), view.unit());
        }
        CallableDeclaration<?> method = loop.findAncestor(CallableDeclaration.class).orElseThrow();
        LoopCandidate candidate = new LoopCandidate(finding, indexed.get(), loopFact.get(), found.get(),
            classification(finding).orElseThrow());
        Optional<Reason> before = LoopChecks.firstRefusal(context, candidate);
        if (before.isPresent()) {
          refusals.add(new Refusal(finding, before.get()));
          continue;
        }
        boolean remote = candidate.remote();
        TypeDeclaration<?> owner = candidate.owner();
        // the rewrite of the loop's shape: one per class of loop, the switch over every class the compiler's to check
        FuturesJoinedInLoopRewrite.Outcome outcome = switch (candidate.classification()) {
          case INDEPENDENT_REMOTE_CALLS, DEPENDENT_REMOTE_CALLS -> using.blocking().rewrite(method, loop,
              BlockingCallJudge.of(assessment.index(), indexed.get(), concurrent, immutables));
          case N_PLUS_ONE -> using.batch().rewrite(method, loop, indexed.get());
          case WRITE_PER_ELEMENT -> using.writes().rewrite(method, loop, indexed.get());
          case FUTURES_JOINED -> using.futures().rewrite(method, loop, judge(assessment.index(), indexed.get(), immutables));
          case STATEMENT_PER_ELEMENT, DEPENDENT_QUERIES -> throw new IllegalStateException(
              "never rewritten, so never a candidate: " + candidate.classification());
        };
        if (remote && outcome instanceof FuturesJoinedInLoopRewrite.Refused && accepts(acceptReorder, indexed.get())) {
          // the user accepted that its writes run ahead: the same proofs, writes judged as reads are
          FuturesJoinedInLoopRewrite.Outcome reordered = using.reorderedWrites().rewrite(method, loop,
              BlockingCallJudge.of(assessment.index(), indexed.get(), concurrent, immutables, true));
          outcome = reordered instanceof FuturesJoinedInLoopRewrite.Refused ? outcome : reordered;
        }
        if (outcome instanceof FuturesJoinedInLoopRewrite.Refused refused) {
          refusals.add(new Refusal(finding, refused.reason().proof(), view == null ? refused.reason().text()
              : ForEachEquivalent.unmarked(refused.reason().text()) + " (" + view.read() + ")"));
          continue;
        }
        FuturesJoinedInLoopRewrite.Rewritten done = (FuturesJoinedInLoopRewrite.Rewritten) outcome;
        Optional<TextEdit> edit = view == null ? Optional.of(done.edit()) : view.toOriginal(done.edit());
        TypeDeclaration<?> top = RethrowAsIs.topOf(found.get());
        CallableDeclaration<?> inOriginalFile = found.get().findAncestor(CallableDeclaration.class).orElseThrow();
        Optional<Reason> unkept = LoopChecks.firstRefusal(context, new RewrittenLoop(candidate, done, edit,
            view == null ? null : view.read(), inOriginalFile, top), kept);
        if (unkept.isPresent()) {
          refusals.add(new Refusal(finding, unkept.get()));
          continue;
        }
        methodsRewritten.add(inOriginalFile);
        edits.add(edit.get());
        if (done.rethrows()) {
          rethrowing.add(top);
        }
        imports.addAll(done.imports());
        if (view != null) {
          imports.addAll(view.imports());
        }
        if (remote) {
          pooled.merge(owner, threads.choose(release, indexed.get(), done.pooledCall()), LoopThreads.Choice::and);
        }
        LoopRewrite entry = new LoopRewrite(finding, projectPath,
            view == null ? done.action() : done.action() + " (" + view.read() + ")");
        descriptions.add("loop in " + entry.method() + "() " + entry.action());
        inFile.add(entry);
      }
      if (edits.isEmpty()) {
        continue;
      }
      for (Map.Entry<TypeDeclaration<?>, LoopThreads.Choice> pool : pooled.entrySet()) {
        if (LoopCallPool.existing(pool.getKey()).isPresent()) {
          descriptions.add(LoopCallPool.NAME + " of " + pool.getKey().getNameAsString() + ": the one an earlier migration "
              + "added");
          continue; // an earlier migration's platform pool (LoopCallPool.problem refused any other)
        }
        edits.add(LoopCallPool.field(document, parsed.get(), pool.getKey(), imports, pool.getValue()));
        descriptions.add(LoopCallPool.NAME + " of " + pool.getKey().getNameAsString() + ": " + pool.getValue().describe());
      }
      for (TypeDeclaration<?> top : rethrowing) {
        if (!RethrowAsIs.existing(top)) {
          edits.add(RethrowAsIs.method(document, top));
          descriptions.add(RethrowAsIs.NAME + "() of " + top.getNameAsString() + ": throws a call's failure again as it "
              + "was, checked or not");
        }
      }
      Optional<FileChange> cached = changes.stream().filter(c -> c.path().equals(projectPath)).findFirst();
      Optional<String> result = cached.isPresent()
          ? EditsOnCachedText.apply(document, new String(cached.get().after(), document.charset()), edits, imports)
          : EditsOnCachedText.withImports(document.apply(edits), imports);
      if (result.isEmpty()) {
        String why = cached.isPresent() ? "the caching changes to its file moved the loop, or the file would not parse "
            + "with both" : "the rewritten file would not parse";
        inFile.forEach(r -> refusals.add(new Refusal(r.finding(), Proof.REWRITE_DOES_NOT_PARSE, why)));
        continue;
      }
      rewritten.addAll(inFile);
      if (cached.isPresent()) {
        List<String> all = new ArrayList<>(cached.get().descriptions());
        all.addAll(descriptions);
        changes.set(changes.indexOf(cached.get()), new FileChange(projectPath, cached.get().before(),
            document.encode(result.get()), all));
      } else {
        changes.add(new FileChange(projectPath, original, document.encode(result.get()), descriptions));
      }
    }
    return new LoopPlan(List.copyOf(changes), List.copyOf(refusals), List.copyOf(rewritten));
  }

  /** The rewrites of one text of a file: the file as it is, or a view of it with one loop read as a for-each. */
  private record Rewrites(FuturesJoinedInLoopRewrite futures, FuturesJoinedInLoopRewrite blocking,
      FuturesJoinedInLoopRewrite reorderedWrites, FindByIdBatchRewrite batch, BatchUpdateRewrite writes) {}

  /** The loop a finding names: a statement starting on its line (a for-each, a counted loop, a forEach call...). */
  private static Optional<Node> loopAt(CompilationUnit unit, int line, int column) {
    Optional<Node> forEach = unit.findAll(ForEachStmt.class).stream().filter(l -> l.getBegin().get().line == line)
        .map(Node.class::cast).findFirst();
    // where the finding's loop starts: a statement of its own, or the call a forEach statement is
    return forEach.or(() -> unit.findAll(Statement.class).stream()
        .filter(s -> s.getBegin().get().line == line && s.getBegin().get().column == column && (s instanceof ForStmt
            || s instanceof WhileStmt || s instanceof DoStmt
            || s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr))
        .findFirst().map(Node.class::cast));
  }

  private static boolean accepts(Set<String> methods, IndexedMethod method) {
    return methods.contains(method.fact().displayName())
        || methods.contains(method.fact().ownerType() + "." + method.fact().name());
  }

  /** The Java release the module of a file compiles for (its nearest pom.xml within the project); 8 when none says. */
  private static int javaRelease(Path projectRoot, Path file) {
    Path top = projectRoot.toAbsolutePath().normalize();
    for (Path dir = file.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return ProjectTraits.javaReleaseOf(dir.resolve("pom.xml"));
      }
    }
    return 8;
  }

  /** What decides whether a call may run ahead: the loop's own read, project methods, library calls. */
  static LoopProof.CallJudge judge(ProjectIndex index, IndexedMethod method, ImmutableTypes immutables) {
    return new LoopProof.CallJudge() {
      @Override
      public boolean projectTypeNamed(String simpleName) {
        return !index.typesNamed(simpleName).isEmpty();
      }

      @Override
      public boolean startsIo(MethodCallExpr call) {
        return site(call).isPresent();
      }

      @Override
      public boolean immutableType(String type) {
        return immutables.immutable(type, method);
      }

      @Override
      public Optional<String> changesHeldState(MethodCallExpr call) {
        Optional<CallRef> ref = method.fact().calls().stream().filter(c -> c.range().equals(FactRanges.of(call))).findFirst();
        for (IndexedMethod target : ref.map(index::allTargetsOf).orElse(List.of())) {
          for (MethodFact.ParameterMutation change : target.fact().parameterMutations()) {
            if (change.parameter() == MethodFact.RECEIVER) {
              return Optional.of(target.fact().displayName() + "() " + change.how());
            }
          }
        }
        return Optional.empty();
      }

      @Override
      public Optional<String> whyNot(Expression call, LoopProof.Root root, String field) {
        String name = call instanceof MethodCallExpr m ? m.getNameAsString() + "()"
            : "new " + ((com.github.javaparser.ast.expr.ObjectCreationExpr) call).getType().getNameAsString() + "()";
        if (call instanceof MethodCallExpr m) {
          Optional<IoSite> site = site(m);
          if (site.isPresent()) {
            return site.get().access() == Access.READ ? Optional.empty() : Optional.of("the call it starts, "
                + site.get().provider() + " " + site.get().method() + "()" + (site.get().httpMethod() == null ? ""
                : " (" + site.get().httpMethod() + ")") + ", is not a read optkit can name: started ahead, it would run "
                + "before the earlier elements' statements after their joins");
          }
        }
        if (call instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation
            && !index.typesNamed(creation.getType().getNameAsString()).isEmpty()) {
          return Optional.of("the code that starts each call creates a " + creation.getType().getNameAsString()
              + ", a class of the project whose constructor optkit does not follow: started ahead, it would run "
              + "before the earlier elements' statements after their joins");
        }
        Optional<CallRef> ref = method.fact().calls().stream().filter(c -> c.range().equals(FactRanges.of(call))).findFirst();
        List<IndexedMethod> targets = ref.map(index::allTargetsOf).orElse(List.of());
        if (!targets.isEmpty()) {
          for (IndexedMethod target : targets) {
            Optional<String> why = impure(index, target);
            if (why.isPresent()) {
              return Optional.of("the code that starts each call calls " + target.fact().displayName() + "(), which "
                  + why.get() + ": started ahead, it could see or make a change out of order");
            }
          }
          return Optional.empty();
        }
        return switch (root) {
          case MADE, VALUE, TYPE -> Optional.empty(); // a library call on values made for this element, or a static one
          case SHARED_VALUE -> Optional.of("the code that starts each call calls " + name + " on an object the loop is "
              + "given (the element or one of the method's own), and optkit does not prove that an earlier element's "
              + "turn leaves it unchanged (a list may hold the same object twice)");
          case THIS -> Optional.of("the code that starts each call calls " + name + " on this object, which optkit cannot "
              + "see into");
          case FIELD -> ThreadSafeTypes.field(call, field) ? Optional.empty()
              : Optional.of("the code that starts each call calls " + name + " on the object in field " + field
                  + ", which the statements after an earlier element's join could change (an executor's queue "
                  + "and pool optkit cannot see among them)");
        };
      }

      private Optional<IoSite> site(MethodCallExpr call) {
        SourceRange range = FactRanges.of(call);
        return index.sitesOf(method).stream().filter(s -> s.range().equals(range)).findFirst();
      }
    };
  }

  /**
   * Why a project method may not run ahead: it is abstract (which implementation runs is not in sight), does
   * I/O, reads a field that changes, changes its arguments, its object or what it gets, or calls project
   * methods (not followed further). Empty for a helper that only computes from its arguments.
   */
  static Optional<String> impure(ProjectIndex index, IndexedMethod target) {
    var fact = target.fact();
    if (fact.isAbstract()) {
      return Optional.of("is abstract: which implementation runs is not in sight");
    }
    if (!fact.ioSites().isEmpty()) {
      return Optional.of("does I/O (" + fact.ioSites().get(0).method() + "())");
    }
    if (!fact.mutableFieldsRead().isEmpty()) {
      return Optional.of("reads field " + fact.mutableFieldsRead().get(0) + ", which changes after construction");
    }
    if (!fact.staticFieldsRead().isEmpty()) {
      return Optional.of("reads the static field " + fact.staticFieldsRead().get(0));
    }
    if (!fact.parameterMutations().isEmpty()) {
      return Optional.of("changes " + (fact.parameterMutations().get(0).parameter() < 0 ? "its object or class"
          : "what it is given") + " (" + fact.parameterMutations().get(0).how() + ")");
    }
    if (!fact.resultMutations().isEmpty()) {
      return Optional.of("changes what a call returns to it (" + fact.resultMutations().get(0).how() + ")");
    }
    for (CallRef call : fact.calls()) {
      if (!index.allTargetsOf(call).isEmpty()) {
        return Optional.of("calls project methods (" + call.name() + "()), which optkit does not follow this far");
      }
    }
    return Optional.empty();
  }

  static Optional<String> fieldType(Expression use, String name) {
    for (var current = use.getParentNode().orElse(null); current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof TypeDeclaration<?> type) {
        for (FieldDeclaration field : type.getFields()) {
          if (field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))
              && field.getElementType() instanceof ClassOrInterfaceType classType) {
            return Optional.of(classType.getNameAsString());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The types declared beside a file, in its package: a simple name the rewrite writes must not mean one of them. */
  private static Set<String> packageTypes(Path file) {
    Set<String> types = new java.util.HashSet<>();
    try (var siblings = Files.list(file.getParent())) {
      siblings.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
          .forEach(n -> types.add(n.substring(0, n.length() - ".java".length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + file.getParent(), e);
    }
    return types;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
