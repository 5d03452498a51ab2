package dev.optkit.analyzers.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.facts.extract.FactExtractor;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.facts.types.ReceiverResolver;
import dev.optkit.analyzers.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parser and one symbol solver, for one thread: JavaParser is not thread-safe. Parses a file,
 * extracts its facts, and lets the tree go.
 */
public final class ParsingWorker {
  private static final int SOLVER_CACHED_FILES = 256;

  /** What became of one file: its facts, or why it could not be read. */
  /**
   * @param surface the file's {@link DeclarationSurface}, where a facts cache was used (else null)
   * @param cached the facts came from the cache, not from this run's parse
   * @param nanos how long this run's parse and extraction of the file took (0 for facts from the cache)
   */
  public record Outcome(FileFacts facts, ParseProblem problem, DeclarationSurface.Read surface, boolean cached,
      long nanos) {
    public Outcome(FileFacts facts, ParseProblem problem) {
      this(facts, problem, null, false, 0);
    }
  }

  /** The surface of the file the last parse read, when wanted and the parse succeeded. */
  private DeclarationSurface.Read parsedSurface;
  /** The simple names of the project's types, for the surfaces (built at the first). */
  private java.util.Set<String> projectNames;
  private boolean surfaceWanted;

  // built at the first file the cache cannot answer: a warm run may never need them
  private JavaParser parser;
  private final long maxFileBytes;
  private JavaParser legacyParser;
  /** For a file without the letters "var": no local can be typed {@code var}, so no walk looks for one. */
  private JavaParser withoutVarParser;
  private FactExtractor extractor;
  private CombinedTypeSolver typeSolver;
  private final Map<String, Path> projectTypes;
  private final JarClasses jars;
  private final ClientCatalog catalog;
  private final boolean resolveTypes;
  private long resolutions;
  private int readOtherContent;
  private long failedResolutions;

  public ParsingWorker(Map<String, Path> projectTypes, List<Path> jars, ClientCatalog catalog, boolean resolveTypes) {
    this(projectTypes, jars, catalog, resolveTypes, Long.MAX_VALUE);
  }

  /** @param maxFileBytes a larger file is a problem naming it, never parsed */
  public ParsingWorker(Map<String, Path> projectTypes, List<Path> jars, ClientCatalog catalog, boolean resolveTypes,
      long maxFileBytes) {
    this(projectTypes, jars, catalog, resolveTypes, maxFileBytes, 20_000_000_000L);
  }

  /**
   * @param maxFileNanos the time one file's parse and extraction may take; past it, the file is read again
   *     without type resolution, within the same time again; past that too, it is skipped with a warning
   */
  public ParsingWorker(Map<String, Path> projectTypes, List<Path> jars, ClientCatalog catalog, boolean resolveTypes,
      long maxFileBytes, long maxFileNanos) {
    this(projectTypes, jars, catalog, resolveTypes, maxFileBytes, maxFileNanos, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime}: a test's own clock decides when a budget is spent */
  ParsingWorker(Map<String, Path> projectTypes, List<Path> jars, ClientCatalog catalog, boolean resolveTypes,
      long maxFileBytes, long maxFileNanos, java.util.function.LongSupplier clock) {
    this(projectTypes, JarClasses.of(jars), catalog, resolveTypes, maxFileBytes, maxFileNanos, clock);
  }

  /** @param jars the dependency classes, read once and shared by the run's workers */
  public ParsingWorker(Map<String, Path> projectTypes, JarClasses jars, ClientCatalog catalog, boolean resolveTypes,
      long maxFileBytes, long maxFileNanos, java.util.function.LongSupplier clock) {
    this.clock = clock;
    this.maxFileBytes = maxFileBytes;
    this.maxFileNanos = maxFileNanos;
    this.projectTypes = projectTypes;
    this.jars = jars;
    this.catalog = catalog;
    this.resolveTypes = resolveTypes;
  }

  private void prepare() {
    if (parser != null) {
      return;
    }
    ParserConfiguration configuration = configuration(LanguageLevels.newest());
    if (resolveTypes) {
      this.typeSolver = typeSolver(projectTypes, jars);
      configuration.setSymbolResolver(new JavaSymbolSolver(typeSolver));
    }
    this.parser = new JavaParser(configuration);
    ParserConfiguration withoutVar = WithoutValidation.withoutVarTypes(configuration(LanguageLevels.newest()));
    configuration.getSymbolResolver().ifPresent(withoutVar::setSymbolResolver);
    this.withoutVarParser = new JavaParser(withoutVar);
    ParserConfiguration legacy = configuration(LanguageLevels.legacy());
    if (resolveTypes) {
      legacy.setSymbolResolver(new JavaSymbolSolver(typeSolver));
    }
    this.legacyParser = new JavaParser(legacy);
    ReceiverResolver resolver = !resolveTypes ? ReceiverResolver.none() : new ReceiverResolver() {
      @Override
      public Optional<List<String>> typeAndAncestors(Expression receiver) {
        return resolve(receiver);
      }

      @Override
      public Optional<String> declaringType(Expression member) {
        return declaringTypeOf(member);
      }
    };
    // a name an on-demand import brings in may be a dependency's class (import com.microsoft.azure.storage.table.*);
    // TypeNames decides where a supertype's member type may come first
    java.util.function.Predicate<String> dependencyType = resolveTypes && jars != null ? jars::holds : name -> false;
    this.extractor = new FactExtractor(catalog, resolver, new KnownTypes(projectTypes, catalog), dependencyType);
    this.unresolvedExtractor = new FactExtractor(catalog, ReceiverResolver.none(), new KnownTypes(projectTypes, catalog));
  }

  private final long maxFileNanos;
  private final java.util.function.LongSupplier clock;
  private FactExtractor unresolvedExtractor;
  /** When the file being analysed runs out of its time budget (meaningful while {@link #budgeted}). */
  private long deadline;
  private boolean budgeted;

  /**
   * Thrown at a resolution or before a method past the file's deadline: the extraction starts again
   * without resolution, or, past its deadline again, the file is skipped.
   */
  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }

  /**
   * The types one worker resolves against: the JDK's, the project's own sources (by the scan's map of
   * qualified name to file) and the dependency jars. Not thread-safe: one per thread. Public for
   * bench/ResolveFloor.java, which measures the parse and resolution alone with the same solver.
   */
  public static CombinedTypeSolver typeSolver(Map<String, Path> projectTypes, List<Path> jars) {
    return typeSolver(projectTypes, JarClasses.of(jars));
  }

  private static CombinedTypeSolver typeSolver(Map<String, Path> projectTypes, JarClasses jars) {
    CombinedTypeSolver solver = new CombinedTypeSolver();
    solver.add(new ReflectionTypeSolver(true), false);
    solver.add(new ProjectTypeSolver(projectTypes, new JavaParser(solverConfiguration()), SOLVER_CACHED_FILES), false);
    solver.add(jars.solver(), false);
    return solver;
  }

  /** The configuration assess parses a file with (the newest language level); public as {@link #typeSolver} is. */
  public static ParserConfiguration parserConfiguration() {
    return configuration(LanguageLevels.newest());
  }

  private JavaParser escapesParser;

  private JavaParser escapesParser() {
    if (escapesParser == null) {
      ParserConfiguration configuration = configuration(LanguageLevels.newest());
      configuration.setPreprocessUnicodeEscapes(true);
      parser.getParserConfiguration().getSymbolResolver().ifPresent(configuration::setSymbolResolver);
      escapesParser = new JavaParser(configuration);
    }
    return escapesParser;
  }

  /**
   * For the trees the symbol solver reads declarations from: no tokens, and so no positions, kept
   * in them. They were most of the live heap on spring-framework. (Their bodies must stay:
   * JavaParser compares class declarations structurally, and two same-named classes of different
   * packages that differ only in their bodies would become one type.)
   */
  static ParserConfiguration solverConfiguration() {
    return WithoutValidation.withoutVarTypes(configuration(LanguageLevels.newest())).setStoreTokens(false);
  }

  private static ParserConfiguration configuration(ParserConfiguration.LanguageLevel level) {
    ParserConfiguration configuration = new ParserConfiguration();
    configuration.setLanguageLevel(level);
    configuration.setAttributeComments(false);
    configuration.setStoreTokens(true);
    configuration.setLexicalPreservationEnabled(false);
    // JavaParser otherwise looks up every character of the source in its table of line separators,
    // to record which one the file uses for printing it back: a sixth of the parse, for nothing assess
    // reads (migrate parses the files it edits with its own configuration)
    configuration.setDetectOriginalLineSeparator(false);
    return WithoutValidation.apply(configuration);
  }

  public Outcome analyze(SourceFile file) {
    return analyze(file, null);
  }

  /** Analyses a file, or takes its facts from the cache when its content has not changed. */
  public Outcome analyze(SourceFile file, FactsCache cache) {
    return analyze(file, cache, null);
  }

  /**
   * @param knownHash the file's content hash taken earlier in this run, or null: a hit then needs no
   *     read of the file (a miss reads it and hashes what it read, so facts are never stored under the
   *     hash of other content)
   */
  public Outcome analyze(SourceFile file, FactsCache cache, String knownHash) {
    String content;
    String hash;
    try {
      // before any cache: the budget may have been lowered since the facts were stored
      long size = Files.size(file.absolutePath());
      if (size > maxFileBytes) {
        return new Outcome(null, new ParseProblem(file.relativePath(), 0, 0, String.format(java.util.Locale.ROOT,
            "skipped: %,d KB, over the %,d KB budget for one file (analysis.maxFileKilobytes in .optkit.yml)",
            size / 1024, maxFileBytes / 1024)));
      }
      if (cache != null && knownHash != null) {
        FileFacts cached = cache.lookup(file.relativePath(), knownHash);
        if (cached != null) {
          return new Outcome(cached, null, cache.surface(file.relativePath()), true, 0);
        }
      }
      byte[] bytes = Files.readAllBytes(file.absolutePath());
      hash = cache == null ? null : Hashes.sha256(bytes);
      if (hash != null && knownHash != null && !hash.equals(knownHash)) {
        readOtherContent++; // written since it was hashed for the run's key
      }
      if (cache != null && !hash.equals(knownHash)) {
        FileFacts cached = cache.lookup(file.relativePath(), hash);
        if (cached != null) {
          return new Outcome(cached, null, cache.surface(file.relativePath()), true, 0);
        }
      }
      content = dev.optkit.analyzers.io.Decoded.of(bytes).text();
    } catch (IOException e) {
      return new Outcome(null, new ParseProblem(file.relativePath(), 0, 0, "cannot read: " + e.getMessage()));
    }
    surfaceWanted = cache != null;
    parsedSurface = null;
    long began = System.nanoTime();
    Outcome parsed = parseAndExtract(file, content);
    Outcome outcome = new Outcome(parsed.facts(), parsed.problem(), null, false, System.nanoTime() - began);
    if (cache == null) {
      return outcome;
    }
    // a file no parse read is seen by no other file's solver either: its content stands for what it declares
    DeclarationSurface.Read surface = parsedSurface != null ? parsedSurface
        : new DeclarationSurface.Read("content:" + hash, List.of(), List.of());
    // facts read past the budget depend on the machine's speed: never cached as if they were the full answer; the
    // surface is kept either way, for the next run to tell whether it changed
    cache.store(file.relativePath(), hash, outcome.facts() != null && outcome.problem() == null ? outcome.facts() : null,
        surface);
    return new Outcome(outcome.facts(), outcome.problem(), surface, false, outcome.nanos());
  }

  private Outcome parseAndExtract(SourceFile file, String content) {
    prepare();
    startBudget(); // the parse counts: it is most of an ordinary file's time
    try {
      ParseResult<CompilationUnit> result = (content.contains("var") ? parser : withoutVarParser).parse(content);
      if (!result.isSuccessful()) {
        ParseResult<CompilationUnit> legacy = legacyParser.parse(content);
        if (legacy.isSuccessful()) {
          result = legacy;
        }
      }
      if (!result.isSuccessful() && content.contains("\\u")) {
        // unicode escapes outside literals (\\uuuu0041 is legal Java): only when the plain parse failed, as
        // preprocessing them can move positions that migrate edits by
        ParseResult<CompilationUnit> escaped = escapesParser().parse(content);
        if (escaped.isSuccessful()) {
          result = escaped;
        }
      }
      if (!result.isSuccessful() || result.getResult().isEmpty()) {
        return new Outcome(null, problemOf(file, result.getProblems(), content));
      }
      if (content.contains("\\u") && StructuralEscapes.in(content)) {
        // javac reads the escape of a line feed (backslash, u, 000a) as a line break before anything else (JLS 3.3):
        // a comment may hide code that runs (hostile review 38's u8). Read as written it is another program, so it
        // is not read at all.
        return new Outcome(null, new ParseProblem(file.relativePath(), 0, 0, "unicode escapes that "
            + "javac reads as line breaks, quotes or comment characters, so the code it compiles is not the code "
            + "as written"));
      }
      if (surfaceWanted) {
        if (projectNames == null) {
          projectNames = new java.util.HashSet<>();
          projectTypes.keySet().forEach(type -> projectNames.add(type.substring(type.lastIndexOf('.') + 1)));
        }
        parsedSurface = DeclarationSurface.read(result.getResult().get(), projectNames);
      }
      try {
        FileFacts facts = extractor.extract(file.relativePath(), result.getResult().get(), content, this::checkBudget);
        return new Outcome(facts, null);
      } catch (OverBudget over) {
        // without the solver, a file's facts cost about what its parse did: a budget of their own, so that one
        // slow solver does not leave the file unread, and a file slow even so is skipped, not waited for
        startBudget();
        try {
          FileFacts facts = unresolvedExtractor.extract(file.relativePath(), result.getResult().get(), content,
              this::checkBudget);
          return new Outcome(facts, new ParseProblem(file.relativePath(), 0, 0, String.format(java.util.Locale.ROOT,
              "types not resolved: over the %d s budget for one file (analysis.maxFileSeconds in .optkit.yml); "
                  + "read by its imports, findings at lower confidence", maxFileNanos / 1_000_000_000L)));
        } catch (OverBudget again) {
          return new Outcome(null, new ParseProblem(file.relativePath(), 0, 0, String.format(java.util.Locale.ROOT,
              "skipped: over the %d s budget for one file (analysis.maxFileSeconds in .optkit.yml) with type "
                  + "resolution and again without it", maxFileNanos / 1_000_000_000L)));
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(null, new ParseProblem(file.relativePath(), 0, 0,
          "analysis failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))));
    } finally {
      budgeted = false;
    }
  }

  private static ParseProblem problemOf(SourceFile file, List<Problem> problems, String content) {
    if (problems.isEmpty()) {
      return new ParseProblem(file.relativePath(), 0, 0, "parse failed");
    }
    Problem first = problems.get(0);
    int line = first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
    int column = first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.column).orElse(0);
    if (line == 0 && first.getCause().filter(com.github.javaparser.TokenMgrException.class::isInstance).isPresent()) {
      // a lexical error carries no position: the lexer finds it again
      var at = LexicalErrorPosition.of(content);
      line = at.map(LexicalErrorPosition.At::line).orElse(0);
      column = at.map(LexicalErrorPosition.At::column).orElse(0);
    }
    return new ParseProblem(file.relativePath(), line, column, firstLine(first.getMessage()));
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private void startBudget() {
    deadline = clock.getAsLong() + maxFileNanos;
    budgeted = true;
  }

  /**
   * Between resolutions and between methods: one resolution or one method's extraction is never cut
   * short. At the deadline counts as past it, so a budget of 0 is spent before any work, whatever
   * the clock's resolution.
   */
  private void checkBudget() {
    if (budgeted && clock.getAsLong() - deadline >= 0) {
      throw new OverBudget();
    }
  }

  private Optional<List<String>> resolve(Expression receiver) {
    checkBudget();
    resolutions++;
    try {
      ResolvedType type = JavaParserFacade.get(typeSolver).getType(receiver);
      if (type.isConstraint()) {
        // a lambda's untyped parameter: the solver gives it as a constraint bounded by what the functional method
        // takes (db.tx(s -> s.save(chat)) with tx(Action<T>), Action's method taking a Session), which it is
        type = type.asConstraintType().getBound();
      } else if (type.isWildcard() && type.asWildcard().isExtends()) {
        type = type.asWildcard().getBoundedType(); // a value of ? extends X is an X
      }
      if (!type.isReferenceType()) {
        failedResolutions++;
        return Optional.empty();
      }
      ResolvedReferenceType reference = type.asReferenceType();
      Set<String> names = new LinkedHashSet<>();
      names.add(reference.getQualifiedName());
      try {
        for (ResolvedReferenceType ancestor : reference.getAllAncestors()) {
          names.add(ancestor.getQualifiedName());
        }
      } catch (RuntimeException e) {
        // ancestors outside the known classpath: the type itself is still known
      }
      return Optional.of(new ArrayList<>(names));
    } catch (RuntimeException | StackOverflowError e) {
      failedResolutions++;
      return Optional.empty();
    }
  }

  private Optional<String> declaringTypeOf(Expression member) {
    checkBudget();
    resolutions++;
    try {
      JavaParserFacade facade = JavaParserFacade.get(typeSolver);
      if (member instanceof com.github.javaparser.ast.expr.FieldAccessExpr
          || member instanceof com.github.javaparser.ast.expr.NameExpr) {
        com.github.javaparser.resolution.model.SymbolReference<? extends
            com.github.javaparser.resolution.declarations.ResolvedValueDeclaration> solved =
            member instanceof com.github.javaparser.ast.expr.FieldAccessExpr access ? facade.solve(access)
                : facade.solve((com.github.javaparser.ast.expr.NameExpr) member);
        if (solved.isSolved() && solved.getCorrespondingDeclaration().isField()
            && solved.getCorrespondingDeclaration().asField().isStatic()) {
          String declaring = solved.getCorrespondingDeclaration().asField().declaringType().getQualifiedName();
          boolean agrees = member instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
              ? memberTypesAgree(access.getScope(), declaring)
              : singleStaticImportAgrees((com.github.javaparser.ast.expr.NameExpr) member, declaring);
          return agrees ? Optional.of(declaring) : Optional.empty();
        }
      } else if (member instanceof com.github.javaparser.ast.expr.MethodCallExpr call) {
        var solved = facade.solve(call);
        if (solved.isSolved() && solved.getCorrespondingDeclaration().isStatic() && call.getScope().isPresent()) {
          String declaring = solved.getCorrespondingDeclaration().declaringType().getQualifiedName();
          return memberTypesAgree(call.getScope().get(), declaring) ? Optional.of(declaring) : Optional.empty();
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // not told: the text stays unknown
    }
    failedResolutions++;
    return Optional.empty();
  }

  /**
   * Whether the type a scope's first name was solved to ({@code Sql} of {@code Sql.FIND}, {@code declaring} the
   * member's class) is the one Java means: a member type of that name of a class around the scope, or of a class
   * those inherit from, comes before a top-level type of the package or an import (JLS 6.4.1), which the solver may
   * take instead. False where such a member type names another type, or a class around the scope cannot be resolved;
   * an ancestor the solver cannot read (a library's, without its jar) is taken to declare no member type of the name.
   */
  private static boolean memberTypesAgree(Expression scope, String declaring) {
    Expression first = scope;
    while (first instanceof com.github.javaparser.ast.expr.FieldAccessExpr access) {
      first = access.getScope();
    }
    if (!(first instanceof com.github.javaparser.ast.expr.NameExpr name)) {
      return true; // this.NAME, a call's result: no type name to mistake
    }
    String simple = name.getNameAsString();
    Optional<List<com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration>> around =
        classesInScope(scope);
    if (around.isEmpty()) {
      return false; // a class around it the solver cannot read: its members are not known
    }
    try {
      for (var declared : around.get()) {
        for (var member : declared.internalTypes()) {
          if (member.getName().equals(simple)) {
            String qualified = member.getQualifiedName();
            return declaring.equals(qualified) || declaring.startsWith(qualified + ".");
          }
        }
      }
    } catch (RuntimeException | StackOverflowError unknown) {
      return false;
    }
    return true;
  }

  /**
   * The classes whose members are in scope at a node, as the solver reads them, in the order Java looks: the class
   * around it, then the classes it inherits from, then the class around that, and so on out. An ancestor the solver
   * cannot read (a library's, without its jar) is left out; empty where a class around the node cannot be read.
   */
  private static Optional<List<com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration>>
      classesInScope(com.github.javaparser.ast.Node at) {
    List<com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration> found = new ArrayList<>();
    try {
      for (java.util.Optional<com.github.javaparser.ast.body.TypeDeclaration> around =
          at.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class); around.isPresent();
          around = around.get().findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)) {
        List<com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration> inChain =
            new ArrayList<>(List.of(around.get().resolve().asReferenceType()));
        for (int next = 0; next < inChain.size() && next < MAX_ANCESTORS; next++) {
          for (ResolvedReferenceType ancestor : inChain.get(next).getAncestors(true)) {
            ancestor.getTypeDeclaration().filter(type -> inChain.stream()
                .noneMatch(seen -> seen.getQualifiedName().equals(type.getQualifiedName()))).ifPresent(inChain::add);
          }
        }
        found.addAll(inChain);
      }
    } catch (RuntimeException | StackOverflowError unknown) {
      return Optional.empty();
    }
    return Optional.of(found);
  }

  /**
   * Whether a plain name the solver found a static field for agrees with the file's single static import of that name,
   * which comes before an on-demand one ({@code import static x.Queries.*}) whatever their order (JLS 6.4.1; the
   * solver took the first written): where the file has one, the field must be of its class, or of a class around the
   * name or one it inherits from (a field in scope comes before any import), else nothing is told.
   */
  private static boolean singleStaticImportAgrees(com.github.javaparser.ast.expr.NameExpr name, String declaring) {
    return name.findCompilationUnit().map(unit -> unit.getImports().stream()
        .filter(i -> i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(name.getNameAsString()))
        .allMatch(i -> i.getName().getQualifier().map(q -> q.asString().equals(declaring)).orElse(false)))
        .orElse(false) || declaredAround(name, declaring);
  }

  /** Whether the type is a class around the node or one such a class inherits from, as the solver reads them. */
  private static boolean declaredAround(com.github.javaparser.ast.Node at, String type) {
    return classesInScope(at).map(classes -> classes.stream().anyMatch(c -> c.getQualifiedName().equals(type)))
        .orElse(false);
  }

  /** How many classes and interfaces a class's members are looked for in, at most. */
  private static final int MAX_ANCESTORS = 256;

  /** Files whose content, read for the parse, was not the content hashed earlier in the run. */
  public int readOtherContent() {
    return readOtherContent;
  }

  public long resolutions() {
    return resolutions;
  }

  public long failedResolutions() {
    return failedResolutions;
  }
}
