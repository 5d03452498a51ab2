package dev.optkit.validation.run;

import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a workload names, looked up in each code version's sources before anything is built: the
 * fixture's class and factory, its teardown, and every scenario's read and write method on the
 * target {@code ScenarioDriver} would resolve at run time (the fixture, or its getter or public
 * field; a map entry or a bean cannot be seen in the sources). A misspelt method used to surface
 * after both builds, minutes in, as a failed run (exit 3); found here it is a usage error (a
 * {@link WorkloadException}: exit 2) naming what the type does have.
 *
 * <p>Only what the sources prove is an error: a type outside them (a library's, a bean's), an
 * ancestor that does not resolve, Lombok, or a class some other class of the sources extends (the
 * object could be of that subclass) leaves the call to the run, said in one line at most.
 */
final class SourcePreflight {
  /** At most this many items in the line about what was left to the run. */
  private static final int LISTED = 3;

  private SourcePreflight() {
  }

  /**
   * Copies a fixture the baseline lacks into it ({@link BaselineFixture}), then checks both versions.
   *
   * @param baseline the original code, or null when the current code runs alone
   * @throws WorkloadException naming every call the sources prove impossible, and in which version
   */
  static void check(Workload workload, CodeVersion current, CodeVersion baseline) throws IOException {
    if (baseline != null) {
      BaselineFixture.copyIfMissing(workload, current, baseline).ifPresent(copied -> RunProgress.current().note(baseline,
          copied));
    }
    Map<String, List<String>> problems = new LinkedHashMap<>(); // the problem, with "{in}" for the versions it is in
    Set<String> leftToRun = new LinkedHashSet<>();
    // a fixture the baseline still lacks (one in main sources is not copied): where the current code has it
    String inCurrent = baseline == null ? "" : BaselineFixture.fixtureFile(workload, current)
        .map(file -> "; the current code has it in " + file + ", but only test sources are copied into the baseline: "
            + "move it under src/test/java, or commit it before the baseline").orElse("");
    for (CodeVersion version : baseline == null ? List.of(current) : List.of(baseline, current)) {
      VersionCheck check = new VersionCheck(workload, version, version == baseline ? inCurrent : "");
      check.run();
      check.problems.forEach(problem -> problems.computeIfAbsent(problem, p -> new ArrayList<>()).add(version.label()));
      leftToRun.addAll(check.leftToRun);
    }
    if (!problems.isEmpty()) {
      List<String> lines = new ArrayList<>();
      problems.forEach((problem, labels) -> lines.add(problem.replace("{in}", String.join(" and ", labels))));
      throw new WorkloadException(lines.size() == 1 ? lines.get(0)
          : "found in the sources, before any build:\n  " + String.join("\n  ", lines));
    }
    if (!leftToRun.isEmpty()) {
      List<String> items = new ArrayList<>(leftToRun);
      String listed = String.join("; ", items.subList(0, Math.min(LISTED, items.size())))
          + (items.size() > LISTED ? "; and " + (items.size() - LISTED) + " more" : "");
      RunProgress.current().note(null, "checked in the sources before building, but for what only the run can "
          + "resolve: " + listed);
    }
  }

  /** One code version's sources against the workload. */
  private static final class VersionCheck {
    private final Workload workload;
    private final CodeVersion version;
    private final List<String> problems = new ArrayList<>();
    private final List<String> leftToRun = new ArrayList<>();
    private SourceTypes types;
    /** The factory's declared return type; empty when the sources do not show it. */
    private Optional<ResolvedReferenceTypeDeclaration> fixture = Optional.empty();

    /** Added to "fixture class not found": where the other version has it. */
    private final String notFoundHint;

    VersionCheck(Workload workload, CodeVersion version, String notFoundHint) {
      this.workload = workload;
      this.version = version;
      this.notFoundHint = notFoundHint;
    }

    void run() {
      String factory = workload.fixture().factory();
      String className = factory.substring(0, factory.indexOf('#'));
      String methodName = factory.substring(factory.indexOf('#') + 1);
      SourceRoots roots = SourceRoots.of(version, workload.classpath());
      if (roots.file(className).isEmpty()) {
        Optional<SourceRoots> found = roots.withRootOf(className);
        if (found.isEmpty()) {
          if (roots.compiledInEntries(className)) {
            leftToRun.add("the fixture " + className + " (compiled, in a class path entry)");
          } else {
            problems.add("fixture class " + className + " not found in the {in} sources (looked in " + roots.describe()
                + ", and for " + SourceRoots.relativeFile(className) + " in every folder but build output; a "
                + "fixture from a jar: list the jar in classpath.entries)" + notFoundHint);
          }
          return;
        }
        roots = found.get();
      }
      types = new SourceTypes(roots);
      Optional<ResolvedReferenceTypeDeclaration> fixtureClass = types.sourceType(className.replace('$', '.'));
      if (fixtureClass.isEmpty()) {
        leftToRun.add("the fixture " + className + " (its source does not resolve)");
        return;
      }
      checkFactory(factory, fixtureClass.get(), methodName);
      if (workload.fixture().teardown() != null) {
        checkCall("fixture teardown", null, workload.fixture().teardown(), 0);
      }
      for (Workload.Scenario scenario : workload.scenarios()) {
        String where = "scenario '" + scenario.name() + "'";
        checkCall(where, scenario.target(), scenario.method(), scenario.args().size());
        for (Workload.WriteSpec write : scenario.writes()) {
          checkCall(where + ", write " + write.method(), write.target(), write.method(), write.args().size());
        }
      }
    }

    /** {@code Class.forName(name).getMethod(method)}: public, static, no parameters, on that very class. */
    private void checkFactory(String factory, ResolvedReferenceTypeDeclaration fixtureClass, String methodName) {
      SourceTypes.Members members = types.members(fixtureClass);
      Optional<SourceTypes.Method> method = members.publicMethod(methodName, 0);
      if (method.isEmpty()) {
        if (members.complete()) {
          problems.add("fixture factory " + factory + ": " + fixtureClass.getQualifiedName() + " has no public static "
              + "method " + methodName + "() without parameters in the {in} code; it has: " + has(members, methodName));
        } else {
          leftToRun.add("the fixture factory " + factory + " (" + members.unseen() + ")");
        }
        return;
      }
      if (!method.get().isStatic()) { // no class has a static and an instance method of one signature: proved
        problems.add("fixture factory " + factory + " is not static in the {in} code");
        return;
      }
      try {
        fixture = types.sourceType(method.get().declaration().getReturnType());
      } catch (RuntimeException | StackOverflowError e) {
        fixture = Optional.empty();
      }
      if (fixture.isEmpty()) {
        leftToRun.add("the fixture's calls (" + factory + " returns a type outside the sources)");
      }
    }

    /** A call as ScenarioDriver makes it: on the target's object, a public method of that name and parameter count. */
    private void checkCall(String where, String target, String method, int parameters) {
      if (fixture.isEmpty()) {
        return; // said once, by checkFactory
      }
      List<ResolvedReferenceTypeDeclaration> mustBeClosed = new ArrayList<>(List.of(fixture.get()));
      Optional<ResolvedReferenceTypeDeclaration> receiver = target == null ? fixture : target(where, target);
      if (receiver.isEmpty()) {
        return;
      }
      mustBeClosed.add(receiver.get());
      SourceTypes.Members members = types.members(receiver.get());
      if (members.publicMethod(method, parameters).isPresent()) {
        return;
      }
      String type = receiver.get().getQualifiedName();
      if (!members.complete()) {
        leftToRun.add(where + ": " + type + "." + method + " (" + members.unseen() + ")");
        return;
      }
      if (!mustBeClosed.stream().allMatch(types::closed)) {
        leftToRun.add(where + ": " + type + "." + method + " (a subclass in the sources may be what runs)");
        return;
      }
      if (!members.named(method, parameters).isEmpty()) {
        problems.add(where + ": " + type + "." + method + " with " + parameters(parameters) + " is not public in the "
            + "{in} code: the harness calls public methods only");
      } else {
        problems.add(where + ": " + type + " has no public method " + method + " with " + parameters(parameters)
            + " in the {in} code; it has: " + has(members, method));
      }
    }

    /**
     * The target's declared type, resolved as ScenarioDriver does: a map entry, then a bean
     * ({@code getBean(String)}), then the method {@code target()} or {@code getTarget()}, then the public
     * field; empty when the sources cannot show it (then it is left to the run) or it is missing.
     */
    private Optional<ResolvedReferenceTypeDeclaration> target(String where, String target) {
      SourceTypes.Members members = types.members(fixture.get());
      String named = where + ": target '" + target + "'";
      if (!members.complete()) {
        leftToRun.add(named + " (the fixture's class: " + members.unseen() + ")");
        return Optional.empty();
      }
      if (members.ancestors().contains("java.util.Map")) {
        leftToRun.add(named + " (a map entry)");
        return Optional.empty();
      }
      if (!members.named("getBean", 1).isEmpty()) {
        leftToRun.add(named + " (a bean)");
        return Optional.empty();
      }
      String getter = "get" + Character.toUpperCase(target.charAt(0)) + target.substring(1);
      for (String name : List.of(target, getter)) {
        Optional<SourceTypes.Method> method = members.publicMethod(name, 0);
        if (method.isPresent()) {
          return declared(named, () -> method.get().declaration().getReturnType());
        }
      }
      Optional<com.github.javaparser.resolution.declarations.ResolvedFieldDeclaration> field =
          members.publicField(target);
      if (field.isPresent()) {
        return declared(named, () -> field.get().getType());
      }
      if (!types.closed(fixture.get())) {
        leftToRun.add(named + " (a subclass of the fixture in the sources may be what runs)");
      } else {
        problems.add(where + ": the fixture " + fixture.get().getQualifiedName() + " has no entry, bean, getter or "
            + "public field '" + target + "' in the {in} code; its getters and fields: " + targets(members, target));
      }
      return Optional.empty();
    }

    private Optional<ResolvedReferenceTypeDeclaration> declared(String named,
        java.util.function.Supplier<ResolvedType> type) {
      Optional<ResolvedReferenceTypeDeclaration> declaration;
      try {
        declaration = types.sourceType(type.get());
      } catch (RuntimeException | StackOverflowError e) {
        declaration = Optional.empty();
      }
      if (declaration.isEmpty()) {
        leftToRun.add(named + " (its type is not in the sources)");
      }
      return declaration;
    }
  }

  private static String parameters(int count) {
    return count + (count == 1 ? " parameter" : " parameters");
  }

  /** The type's public methods, nearest in spelling to {@code wanted} first, {@code Object}'s left out. */
  static String has(SourceTypes.Members members, String wanted) {
    List<String> signatures = members.methods().stream()
        .filter(m -> m.isPublic() && (m.declaration() == null
            || !m.declaration().declaringType().getQualifiedName().equals("java.lang.Object")))
        .map(SourceTypes.Method::signature).distinct()
        .sorted(java.util.Comparator.<String>comparingInt(s -> distance(s.substring(0, s.indexOf('(')), wanted))
            .thenComparing(s -> s))
        .toList();
    List<String> fields = members.publicFields().stream().map(f -> "field " + f.getName()).toList();
    List<String> all = new ArrayList<>(signatures);
    all.addAll(fields);
    if (all.isEmpty()) {
      return "no public methods";
    }
    int shown = Math.min(8, all.size());
    return String.join(", ", all.subList(0, shown)) + (all.size() > shown ? ", ..." : "");
  }

  /** What could be a target: public methods without parameters and public fields, nearest to {@code wanted} first. */
  static String targets(SourceTypes.Members members, String wanted) {
    String getter = "get" + Character.toUpperCase(wanted.charAt(0)) + wanted.substring(1);
    List<String> names = new ArrayList<>();
    members.methods().stream().filter(m -> m.isPublic() && m.parameters() == 0 && (m.declaration() == null
        || !m.declaration().declaringType().getQualifiedName().equals("java.lang.Object")))
        .forEach(m -> names.add(m.name() + "()"));
    members.publicFields().forEach(f -> names.add(f.getName()));
    List<String> sorted = names.stream().distinct().sorted(java.util.Comparator.<String>comparingInt(name -> {
      String bare = name.replace("()", "");
      return Math.min(distance(bare, wanted), distance(bare, getter));
    }).thenComparing(name -> name)).toList();
    if (sorted.isEmpty()) {
      return "none";
    }
    int shown = Math.min(8, sorted.size());
    return String.join(", ", sorted.subList(0, shown)) + (sorted.size() > shown ? ", ..." : "");
  }

  /** Edit distance, case-insensitive: a misspelling's intended name comes first in the list. */
  static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] row = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitution, Math.min(previous[j], row[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[y.length()];
  }
}
