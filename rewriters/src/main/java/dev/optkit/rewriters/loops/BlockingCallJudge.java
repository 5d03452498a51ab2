package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Optional;

/**
 * Judges the calls of a loop whose blocking remote call the rewrite hands to a pool: which call
 * waits on I/O (a client's own, or a project method that reaches one), whether that call may run
 * on a pool thread ({@link ConcurrentCalls}), and, for the other calls that run ahead, what the
 * futures rewrite's judge says of them.
 */
final class BlockingCallJudge {
  private BlockingCallJudge() {}

  static LoopProof.CallJudge of(ProjectIndex index, IndexedMethod method, ConcurrentCalls concurrent,
      ImmutableTypes immutables) {
    return of(index, method, concurrent, immutables, false);
  }

  /**
   * @param writesReorder whether the user accepted that the loop's remote writes run ahead, at once and in
   *     another order (--accept-reorder): a write is then judged as a read is; a database write never is
   */
  static LoopProof.CallJudge of(ProjectIndex index, IndexedMethod method, ConcurrentCalls concurrent,
      ImmutableTypes immutables, boolean writesReorder) {
    LoopProof.CallJudge ahead = LoopMigration.judge(index, method, immutables);
    return new LoopProof.CallJudge() {
      @Override
      public boolean projectTypeNamed(String simpleName) {
        return ahead.projectTypeNamed(simpleName);
      }

      @Override
      public boolean startsIo(MethodCallExpr call) {
        return site(call).isPresent() || !reached(call).isEmpty();
      }

      @Override
      public Optional<String> whyNot(Expression call, LoopProof.Root root, String field) {
        if (!(call instanceof MethodCallExpr m) || !startsIo(m)) {
          if (call instanceof MethodCallExpr helper) {
            for (IndexedMethod target : targets(helper)) {
              Optional<String> logs = concurrent.writesConsoleOrLog(target);
              if (logs.isPresent()) {
                return Optional.of("the code that starts each call calls " + logs.get());
              }
            }
          }
          return call instanceof ObjectCreationExpr || call instanceof MethodCallExpr ? ahead.whyNot(call, root, field)
              : Optional.empty();
        }
        String name = m.getNameAsString() + "()";
        Optional<IoSite> site = site(m);
        if (site.isPresent()) {
          Optional<String> io = remoteRead(site.get());
          if (io.isPresent()) {
            return io;
          }
          return switch (root) {
            case MADE, VALUE, TYPE -> Optional.empty();
            case FIELD -> ThreadSafeTypes.field(call, field)
                ? Optional.empty()
                : Optional.of("its call " + name + " is made on field " + field + ", whose client optkit does not "
                    + "know to be safe from several threads at once");
            case THIS, SHARED_VALUE -> Optional.of("its call " + name + " is made on an object optkit cannot see "
                + "into, which several threads would then use at once");
          };
        }
        for (IndexedMethod target : targets(m)) {
          Optional<String> why = concurrent.whyNot(target, writesReorder);
          if (why.isPresent()) {
            // name the opt-in only where it is all that stands in the way
            boolean onlyWrites = !writesReorder && concurrent.whyNot(target, true).isEmpty();
            return Optional.of("its call runs on a pool thread, and " + why.get()
                + (onlyWrites ? ConcurrentCalls.reorderHint(method) : ""));
          }
        }
        return Optional.empty();
      }

      @Override
      public Optional<String> changesHeldState(MethodCallExpr call) {
        return ahead.changesHeldState(call);
      }

      @Override
      public boolean immutableType(String type) {
        return ahead.immutableType(type);
      }

      @Override
      public Optional<String> answerType(MethodCallExpr call) {
        List<String> types = targets(call).stream().map(t -> t.fact().returnType()).distinct().toList();
        return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
      }

      @Override
      public Optional<String> getterProblem(com.github.javaparser.ast.body.CallableDeclaration<?> declaration,
          com.github.javaparser.ast.stmt.ForEachStmt loop) {
        return Optional.ofNullable(IterableGetter.of(declaration, loop, index).problem());
      }

      @Override
      public boolean judgesReceiver(com.github.javaparser.ast.expr.NameExpr use) {
        // pricing in pricing.fetchUnitPrice(sku): the project method's proof covers its object's state
        return use.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == use
            && site(call).isEmpty() && !targets(call).isEmpty() && startsIo(call);
      }

      private Optional<String> remoteRead(IoSite site) {
        if (site.access() != Access.READ && (!writesReorder || site.kind() == ClientKind.DB)) {
          return Optional.of("its call " + site.provider() + " " + site.method() + "() is not a read optkit can name: "
              + "run ahead, it would come before the earlier elements' statements after their answers"
              + (site.kind() == ClientKind.DB ? "" : ConcurrentCalls.reorderHint(method)));
        }
        if (site.kind() == ClientKind.DB) {
          return Optional.of("its call is a database query (" + site.method() + "()): a connection belongs to one "
              + "thread and its pool bounds the queries at once; one query per batch is the fix for such loops");
        }
        return Optional.empty();
      }

      private Optional<IoSite> site(MethodCallExpr call) {
        SourceRange range = FactRanges.of(call);
        return index.sitesOf(method).stream().filter(s -> s.range().equals(range)).findFirst();
      }

      private Optional<CallRef> ref(MethodCallExpr call) {
        SourceRange range = FactRanges.of(call);
        return method.fact().calls().stream().filter(c -> c.range().equals(range)).findFirst();
      }

      private List<IndexedMethod> targets(MethodCallExpr call) {
        return ref(call).map(index::allTargetsOf).orElse(List.of());
      }

      private List<?> reached(MethodCallExpr call) {
        return ref(call).map(c -> (List<?>) index.reachedThrough(method, c)).orElse(List.of());
      }
    };
  }
}
