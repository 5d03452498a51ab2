package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every module's planner asks of the whole project, answered once per migration instead of
 * once per module: each answer is a pass over every method of the project, and none depends on the
 * module (each reads the index only). Not thread-safe: one migration's planners run one after another.
 */
public final class WholeProject {
  private final ProjectIndex index;
  private final Transactions transactions;
  private List<ProjectWrites.Write> writes;
  private Map<IndexedMethod, String> underExistingCaches;
  private Optional<String> manualTransactionStart;
  private Set<String> optkitCacheNames;

  /** The project's sources read again where a proof needs a method's body; null when not at hand. */
  private final dev.optkit.rewriters.source.ProjectSources sources;

  public WholeProject(ProjectIndex index) {
    this(index, null);
  }

  /** @param scanRoot the folder the index's paths are relative to, whose sources proofs may read again */
  public WholeProject(ProjectIndex index, java.nio.file.Path scanRoot) {
    this.index = index;
    this.transactions = new Transactions(index);
    this.sources = scanRoot == null ? null : new dev.optkit.rewriters.source.ProjectSources(scanRoot);
  }

  /** A method's declaration read again from its file; empty when the sources are not at hand or it moved. */
  Optional<com.github.javaparser.ast.body.CallableDeclaration<?>> declaration(IndexedMethod method) {
    return sources == null ? Optional.empty() : sources.declaration(method);
  }

  ProjectIndex index() {
    return index;
  }

  Transactions transactions() {
    return transactions;
  }

  /** Every write of the project (see {@link ProjectWrites}). */
  List<ProjectWrites.Write> writes() {
    if (writes == null) {
      writes = ProjectWrites.of(index);
    }
    return writes;
  }

  /** Every write of the project by the data it touches: each cached method looks its writers up there. */
  FootprintIndex<ProjectWrites.Write> writesByFootprint() {
    if (writesByFootprint == null) {
      writesByFootprint = new FootprintIndex<>();
      writes().forEach(write -> writesByFootprint.add(write, write.footprint()));
    }
    return writesByFootprint;
  }

  private FootprintIndex<ProjectWrites.Write> writesByFootprint;

  /** Cache names optkit gave in an earlier migration ({@code optkit.*} in annotation values). */
  Set<String> optkitCacheNames() {
    if (optkitCacheNames == null) {
      Set<String> names = new HashSet<>();
      for (IndexedMethod method : index.methods()) {
        method.fact().annotationValues().values().stream().filter(v -> v.startsWith("optkit.")).forEach(names::add);
      }
      optkitCacheNames = Set.copyOf(names);
    }
    return optkitCacheNames;
  }

  /** A method already cached (by the project or an earlier migration) whose calls reach this one. */
  Optional<String> cachedCaller(IndexedMethod target) {
    if (underExistingCaches == null) {
      underExistingCaches = new IdentityHashMap<>();
      for (IndexedMethod cached : index.methods()) {
        if (cached.fact().usesExistingCache()) {
          markCallees(cached, cached.fact().displayName(), 4, new HashSet<>());
        }
      }
    }
    return Optional.ofNullable(underExistingCaches.get(target));
  }

  private void markCallees(IndexedMethod from, String cachedName, int depth, Set<IndexedMethod> seen) {
    if (depth == 0 || !seen.add(from)) {
      return;
    }
    for (CallRef call : from.fact().calls()) {
      for (IndexedMethod callee : index.targetsOf(call)) {
        underExistingCaches.putIfAbsent(callee, cachedName);
        markCallees(callee, cachedName, depth - 1, seen);
      }
    }
  }

  /** The first production method, by name, that starts a JDBC transaction by hand ({@code setAutoCommit(false)}). */
  Optional<String> manualTransactionStart() {
    if (manualTransactionStart == null) {
      manualTransactionStart = index.methods().stream()
          .filter(m -> m.fact().startsManualTransaction() && !SourceSet.isTestPath(m.path()))
          .map(m -> m.fact().displayName() + "()").sorted().findFirst();
    }
    return manualTransactionStart;
  }
}
