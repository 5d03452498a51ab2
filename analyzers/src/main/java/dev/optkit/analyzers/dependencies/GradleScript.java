package dev.optkit.analyzers.dependencies;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.ErrorCollector;
import org.codehaus.groovy.control.SourceUnit;

/**
 * The libraries a Gradle build script in Groovy ({@code build.gradle}) declares, read from its syntax tree. Groovy's own
 * parser builds the tree; nothing of the script is compiled, transformed or run (no AST transformation, so no
 * {@code @Grab}), so what a script computes at run time is not known: a dependency whose text is not a literal, a
 * {@code gradle.properties} value or a string the script assigns once ({@code ext.x = '1.0'}, {@code def x = '1.0'}) is
 * counted as unread.
 *
 * <p>Read: {@code dependencies { }} blocks (in {@code subprojects}/{@code allprojects} too, not in {@code buildscript}),
 * {@code 'g:a:v'}, {@code "g:a:$v"}, {@code group: .., name: .., version: ..}, {@code platform(..)} and
 * {@code enforcedPlatform(..)} BOMs, {@code dependencyManagement { imports { mavenBom .. } }}, and the Spring Boot
 * plugin's version (a {@code plugins} block or a {@code buildscript} class path), whose BOM manages versionless ones.
 */
public final class GradleScript {
  private static final long MAX_BYTES = 1L << 20;

  /** Configurations whose libraries are on the main code's class path. */
  private static final Set<String> MAIN = Set.of("implementation", "api", "compile", "compileOnly", "compileOnlyApi",
      "runtimeOnly", "runtime", "providedCompile", "providedRuntime");
  private static final Set<String> NOT_LIBRARIES = Set.of("project", "files", "fileTree", "gradleApi", "localGroovy",
      "testFixtures");
  private static final String BOOT_PLUGIN = "org.springframework.boot";

  /**
   * @param version null when a BOM is to manage it
   * @param test declared for tests only ({@code testImplementation} and the like)
   */
  public record Library(String group, String artifact, String version, String classifier, String extension,
      boolean test) {}

  /**
   * @param libraries the declared libraries, in the script's order
   * @param boms the platforms and BOMs that manage versions (the Spring Boot plugin's not among them: {@code bootVersion})
   * @param unread declarations the script computes or optkit cannot read, which are not read
   * @param strings the strings the script assigns once ({@code ext}, {@code def}, literal maps as {@code name.key}),
   *     which a root script shares with its subprojects
   * @param sharedBoms BOMs declared in {@code allprojects}/{@code subprojects}: every subproject's
   * @param bootVersion the Spring Boot plugin's version, when the script gives it
   * @param appliesBoot the script applies the Spring Boot plugin (with or without a version)
   * @param pluginAliases version catalog plugin aliases it applies ({@code libs.plugins.spring.boot})
   */
  public record Declared(List<Library> libraries, List<Coordinates> boms, int unread, Map<String, String> strings,
      List<Coordinates> sharedBoms, String bootVersion, boolean appliesBoot, List<String> pluginAliases) {}

  /** A script's declarations, or (null declarations) why it was not read, said in the warning that names it. */
  public record Reading(Declared declared, String problem) {
    static Reading unread(String problem) {
      return new Reading(null, problem);
    }
  }

  private GradleScript() {}

  /** The project's Kotlin build scripts ({@code build.gradle.kts}), which optkit does not read. */
  public static List<Path> kotlinScripts(Path root) {
    return GradleModules.kotlinScripts(root);
  }

  /**
   * The script's declarations, or why it is not read: not a regular file inside the project (a link), over 1 MB,
   * nested deeper than {@value #MAX_NESTING} brackets, not Groovy, or longer than {@value #PARSE_SECONDS} s to parse.
   *
   * @param properties {@code gradle.properties} values and a root script's strings the script may interpolate
   * @param root the project: scripts it applies ({@code apply from: 'deps.gradle'}) are read only inside it
   */
  public static Reading read(Path script, Path root, Map<String, String> properties) {
    String text;
    try {
      if (!Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS)) {
        return Reading.unread("not read: a link or not a regular file (optkit follows no link out of the project)");
      }
      if (Files.size(script) > MAX_BYTES) {
        return Reading.unread("not read: over 1 MB");
      }
      text = Files.readString(script);
    } catch (IOException | RuntimeException e) {
      return Reading.unread("not read: " + e.getClass().getSimpleName());
    }
    Optional<ModuleNode> module = syntaxTree(text);
    if (module.isEmpty()) {
      return Reading.unread(nesting(text) > MAX_NESTING ? "not read: nested deeper than " + MAX_NESTING + " brackets"
          : "not read: not Groovy optkit can parse in " + PARSE_SECONDS + " s (a Kotlin script named .gradle?)");
    }
    Map<String, String> applied = new HashMap<>();
    for (String path : appliedScripts(module.get())) {
      appliedStrings(script, root, path).ifPresent(applied::putAll);
    }
    Map<String, String> strings = new HashMap<>(properties);
    strings.putAll(applied);
    return new Reading(declared(module.get(), strings, applied), null);
  }

  static Optional<Declared> parse(String text, Map<String, String> properties) {
    return syntaxTree(text).map(module -> declared(module, new HashMap<>(properties), Map.of()));
  }

  /** @param applied the strings of the scripts it applies, shared with subprojects as its own are */
  private static Declared declared(ModuleNode module, Map<String, String> strings, Map<String, String> applied) {
    Map<String, String> assigned = new HashMap<>(applied);
    Assignments assignments = new Assignments(assigned);
    module.getStatementBlock().visit(assignments);
    strings.keySet().removeAll(assignments.ambiguous);
    strings.putAll(assigned);
    Declarations declarations = new Declarations(strings);
    module.getStatementBlock().visit(declarations);
    return new Declared(List.copyOf(declarations.libraries), List.copyOf(declarations.boms), declarations.unread,
        Map.copyOf(assigned), List.copyOf(declarations.sharedBoms), declarations.bootVersion, declarations.appliesBoot,
        List.copyOf(declarations.pluginAliases));
  }

  private static final int MAX_NESTING = 200;
  private static final int PARSE_SECONDS = 10;

  /**
   * Groovy's syntax tree of the text, parsed on a thread of its own for at most {@value #PARSE_SECONDS} s (a hostile
   * script nested thousands deep took minutes; past the limit the thread is left to end, never waited for).
   */
  private static Optional<ModuleNode> syntaxTree(String text) {
    if (nesting(text) > MAX_NESTING) {
      return Optional.empty();
    }
    java.util.concurrent.FutureTask<ModuleNode> parsing = new java.util.concurrent.FutureTask<>(() -> {
      CompilerConfiguration configuration = new CompilerConfiguration();
      SourceUnit unit = new SourceUnit("build.gradle", text, configuration, null, new ErrorCollector(configuration));
      unit.parse();
      unit.completePhase();
      unit.nextPhase();
      unit.convert(); // the syntax tree only: no class is compiled, no transformation or script code runs
      return unit.getAST();
    });
    Thread thread = new Thread(parsing, "optkit-gradle-script");
    thread.setDaemon(true);
    thread.start();
    try {
      ModuleNode module = parsing.get(PARSE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      return module == null || module.getStatementBlock() == null ? Optional.empty() : Optional.of(module);
    } catch (java.util.concurrent.TimeoutException e) {
      parsing.cancel(true);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (java.util.concurrent.ExecutionException | RuntimeException | StackOverflowError e) {
      return Optional.empty(); // not Groovy: Gradle would refuse it too
    }
  }

  /** The deepest bracket nesting of the text, strings and comments counted too: a guard, not a reading. */
  static int nesting(String text) {
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '(' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
        depth--;
      }
    }
    return deepest;
  }

  /** {@code apply from: 'dependencies.gradle'}: the scripts a script applies, as written (literal paths only). */
  private static List<String> appliedScripts(ModuleNode module) {
    List<String> applied = new ArrayList<>();
    module.getStatementBlock().visit(new CodeVisitorSupport() {
      @Override
      public void visitMethodCallExpression(MethodCallExpression call) {
        if ("apply".equals(call.getMethodAsString()) && first(call) instanceof MapExpression map) {
          for (MapEntryExpression entry : map.getMapEntryExpressions()) {
            if (entry.getKeyExpression() instanceof ConstantExpression key && "from".equals(key.getValue())
                && entry.getValueExpression() instanceof ConstantExpression value && value.getValue() instanceof String path) {
              applied.add(path);
            }
          }
        }
        super.visitMethodCallExpression(call);
      }
    });
    return applied;
  }

  /** The strings an applied script assigns, when it is a file inside the project (no link, no URL, at most 1 MB). */
  private static Optional<Map<String, String>> appliedStrings(Path script, Path root, String applied) {
    try {
      if (applied.contains(":") || script.getParent() == null) {
        return Optional.empty(); // a URL or a drive: not the project's
      }
      Path file = script.getParent().resolve(applied).normalize();
      if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      Optional<ModuleNode> module = syntaxTree(Files.readString(file));
      if (module.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> strings = new HashMap<>();
      module.get().getStatementBlock().visit(new Assignments(strings));
      return Optional.of(strings);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The values of {@code gradle.properties} (Java properties syntax), or none when it is absent or unreadable. */
  public static Map<String, String> properties(Path file) {
    Map<String, String> values = new HashMap<>();
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
        return values;
      }
      Properties loaded = new Properties();
      try (Reader reader = new StringReader(Files.readString(file))) {
        loaded.load(reader);
      }
      loaded.stringPropertyNames().forEach(name -> values.put(name, loaded.getProperty(name)));
    } catch (IOException | RuntimeException e) {
      // an unreadable file gives no values
    }
    return values;
  }

  /** Strings the script assigns: {@code def v = '1'}, {@code ext.v = '1'}, {@code ext { v = '1' }}. */
  private static final class Assignments extends CodeVisitorSupport {
    private final Map<String, String> strings;
    private final Map<String, Integer> assigned = new HashMap<>();

    Assignments(Map<String, String> strings) {
      this.strings = strings;
    }

    @Override
    public void visitDeclarationExpression(DeclarationExpression declaration) {
      if (declaration.getLeftExpression() instanceof VariableExpression variable) {
        assign(variable.getName(), declaration.getRightExpression());
      }
      declaration.getRightExpression().visit(this); // not as a binary expression too: one assignment, counted once
    }

    @Override
    public void visitBinaryExpression(BinaryExpression binary) {
      if (binary.getOperation().getText().equals("=")) {
        Expression left = binary.getLeftExpression();
        if (left instanceof VariableExpression variable) {
          assign(variable.getName(), binary.getRightExpression());
        } else if (left instanceof PropertyExpression property) {
          assign(property.getPropertyAsString(), binary.getRightExpression());
        }
      }
      super.visitBinaryExpression(binary);
    }

    /**
     * A name assigned twice (a branch, a loop) or to what is not a literal has no one value: it is left out, and
     * hides a gradle.properties value of the name. A literal map ({@code libraries = [guava: 'g:a:v']}) gives its
     * string entries as {@code libraries.guava}.
     */
    private void assign(String name, Expression value) {
      if (name == null) {
        return;
      }
      int times = assigned.merge(name, 1, Integer::sum);
      if (times == 1 && value instanceof ConstantExpression constant && constant.getValue() instanceof String text) {
        strings.put(name, text);
        return;
      }
      strings.remove(name);
      ambiguous.add(name);
      if (times == 1 && value instanceof MapExpression map) {
        ambiguous.remove(name);
        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
          if (entry.getKeyExpression() instanceof ConstantExpression key && key.getValue() instanceof String field
              && entry.getValueExpression() instanceof ConstantExpression element
              && element.getValue() instanceof String text) {
            strings.put(name + "." + field, text);
          }
        }
      }
    }

    final java.util.Set<String> ambiguous = new java.util.HashSet<>();
  }

  /** The dependency declarations, found under the closures of the calls they are written in. */
  private static final class Declarations extends CodeVisitorSupport {
    private final Map<String, String> strings;
    private final Deque<String> blocks = new ArrayDeque<>();
    private final List<Library> libraries = new ArrayList<>();
    private final List<Coordinates> boms = new ArrayList<>();
    private final List<Coordinates> sharedBoms = new ArrayList<>();
    private final List<String> pluginAliases = new ArrayList<>();
    private String bootVersion;
    private boolean appliesBoot;
    private int unread;

    Declarations(Map<String, String> strings) {
      this.strings = strings;
    }

    @Override
    public void visitMethodCallExpression(MethodCallExpression call) {
      String name = call.getMethodAsString();
      if (name != null && call.isImplicitThis()) {
        declaration(name, call);
      }
      if (name != null && name.equals("version") && call.getObjectExpression() instanceof MethodCallExpression id
          && "id".equals(id.getMethodAsString()) && BOOT_PLUGIN.equals(text(first(id)))) {
        bootVersion = text(first(call)); // plugins { id 'org.springframework.boot' version '3.3.0' }
      }
      if (name != null && name.equals("id") && BOOT_PLUGIN.equals(text(first(call)))) {
        appliesBoot = true;
      }
      if (name != null && name.equals("apply") && first(call) instanceof MapExpression map
          && map.getMapEntryExpressions().stream().anyMatch(e -> "plugin".equals(text(e.getKeyExpression()))
              && BOOT_PLUGIN.equals(text(e.getValueExpression())))) {
        appliesBoot = true; // apply plugin: 'org.springframework.boot'
      }
      if (name != null && name.equals("alias") && first(call) instanceof PropertyExpression alias) {
        pluginAliases.add(alias.getText()); // alias(libs.plugins.spring.boot): the catalog names its id and version
      }
      ClosureExpression closure = lastClosure(call);
      if (closure != null && name != null) {
        call.getObjectExpression().visit(this);
        blocks.push(name);
        try {
          closure.getCode().visit(this);
        } finally {
          blocks.pop();
        }
        return;
      }
      super.visitMethodCallExpression(call);
    }

    private void declaration(String configuration, MethodCallExpression call) {
      if (blocks.contains("buildscript")) {
        // the build's own class path: only the Boot plugin's version is of use, for its BOM
        if (configuration.equals("classpath")) {
          Optional<Library> plugin = notation(text(first(call)), false);
          if (plugin.isPresent() && plugin.get().group().equals(BOOT_PLUGIN)
              && plugin.get().artifact().equals("spring-boot-gradle-plugin") && plugin.get().version() != null) {
            bootVersion = plugin.get().version();
          }
        }
        return;
      }
      if (configuration.equals("mavenBom") && blocks.contains("imports")) {
        bom(first(call));
        return;
      }
      if (!blocks.isEmpty() && blocks.peek().equals("dependencies")) {
        boolean test = configuration.startsWith("test") && Character.isUpperCase(charAt(configuration, 4));
        if (!MAIN.contains(configuration) && !test) {
          return; // annotationProcessor, kapt, developmentOnly, a plugin's own: not the code's class path
        }
        if (!(call.getArguments() instanceof TupleExpression arguments)) {
          return;
        }
        // compileOnly 'a:b', 'c:d:1': every argument, the trailing configuration closure aside
        String strictly = strictVersion(lastClosure(call));
        for (Expression argument : arguments.getExpressions()) {
          if (!(argument instanceof ClosureExpression)) {
            library(argument, test, strictly);
          }
        }
      }
    }

    private void library(Expression argument, boolean test, String strictly) {
      if (argument instanceof MethodCallExpression inner && inner.isImplicitThis()) {
        String function = inner.getMethodAsString();
        if ("platform".equals(function) || "enforcedPlatform".equals(function)) {
          bom(first(inner));
        } else if (function != null && !NOT_LIBRARIES.contains(function)) {
          unread++;
        }
        return;
      }
      if (argument instanceof MapExpression map) {
        Map<String, String> parts = new HashMap<>();
        boolean unresolved = false;
        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
          String key = text(entry.getKeyExpression());
          String value = text(entry.getValueExpression());
          if (key != null && value != null) {
            parts.put(key, value);
          } else {
            unresolved = true; // version: "$springVersion" with no value known: never read as "no version"
          }
        }
        if (!unresolved && parts.containsKey("group") && parts.containsKey("name")) {
          libraries.add(new Library(parts.get("group"), parts.get("name"),
              parts.getOrDefault("version", strictly), parts.get("classifier"), parts.getOrDefault("ext", "jar"), test));
        } else {
          unread++;
        }
        return;
      }
      if (argument instanceof PropertyExpression property) {
        String path = property.getText();
        if (strings.containsKey(path)) {
          notation(strings.get(path), test).ifPresentOrElse(libraries::add, () -> unread++); // libraries.guava
        } else if (!path.startsWith("libs.")) {
          unread++; // a property optkit cannot read (the default catalog's libs.x is read from the catalog)
        }
        return;
      }
      Optional<Library> library = notation(text(argument), test)
          .map(l -> l.version() == null && strictly != null
              ? new Library(l.group(), l.artifact(), strictly, l.classifier(), l.extension(), l.test()) : l);
      if (library.isPresent()) {
        libraries.add(library.get());
      } else if (argument != null) {
        unread++;
      }
    }

    /** {@code { version { strictly '1.5.4' } }} (or {@code require}, {@code prefer}) on a declaration; else null. */
    private String strictVersion(ClosureExpression closure) {
      if (closure == null) {
        return null;
      }
      String[] found = new String[1];
      closure.getCode().visit(new CodeVisitorSupport() {
        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
          String name = call.getMethodAsString();
          if (found[0] == null && ("strictly".equals(name) || "require".equals(name) || "prefer".equals(name))) {
            found[0] = text(first(call));
          }
          super.visitMethodCallExpression(call);
        }
      });
      return found[0];
    }

    private void bom(Expression expression) {
      if (expression instanceof PropertyExpression property && property.getText().startsWith("libs.")) {
        return; // platform(libs.x): the catalog's entry, read with the catalog
      }
      Optional<Library> bom = notation(text(expression), false);
      if (bom.isPresent() && bom.get().version() != null) {
        Coordinates coordinates = new Coordinates(bom.get().group(), bom.get().artifact(), bom.get().version());
        boms.add(coordinates);
        if (blocks.contains("allprojects") || blocks.contains("subprojects")) {
          sharedBoms.add(coordinates);
        }
      } else {
        unread++;
      }
    }

    /** A literal, or a GString whose every value is a string the script or gradle.properties gives; else null. */
    private String text(Expression expression) {
      if (expression instanceof ConstantExpression constant) {
        return constant.getValue() instanceof String text ? text : null;
      }
      if (expression instanceof GStringExpression gstring) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < gstring.getStrings().size(); i++) {
          text.append(gstring.getStrings().get(i).getValue());
          if (i < gstring.getValues().size()) {
            Expression value = gstring.getValues().get(i);
            String name = value instanceof VariableExpression variable ? variable.getName()
                : value instanceof PropertyExpression property ? property.getPropertyAsString() : null;
            String resolved = name == null ? null : strings.get(name);
            if (resolved == null) {
              return null;
            }
            text.append(resolved);
          }
        }
        return text.toString();
      }
      return null;
    }
  }

  /** {@code group:name[:version[:classifier]][@extension]}; a dynamic version ({@code 1.+}) is none Maven reads. */
  static Optional<Library> notation(String text, boolean test) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String extension = "jar";
    int at = text.indexOf('@');
    if (at >= 0) {
      extension = text.substring(at + 1);
      text = text.substring(0, at);
    }
    String[] parts = text.split(":", -1);
    if (parts.length < 2 || parts.length > 4 || parts[0].isBlank() || parts[1].isBlank()) {
      return Optional.empty();
    }
    String version = parts.length > 2 && !parts[2].isBlank() ? parts[2] : null;
    if (version != null && (version.contains("+") || version.startsWith("latest."))) {
      return Optional.empty();
    }
    return Optional.of(new Library(parts[0].strip(), parts[1].strip(), version, parts.length > 3 ? parts[3] : null,
        extension, test));
  }

  private static Expression first(MethodCallExpression call) {
    if (call.getArguments() instanceof TupleExpression tuple && !tuple.getExpressions().isEmpty()) {
      return tuple.getExpression(0);
    }
    return null;
  }

  private static ClosureExpression lastClosure(MethodCallExpression call) {
    if (call.getArguments() instanceof ArgumentListExpression arguments && !arguments.getExpressions().isEmpty()
        && arguments.getExpression(arguments.getExpressions().size() - 1) instanceof ClosureExpression closure) {
      return closure;
    }
    return null;
  }

  private static char charAt(String text, int index) {
    return index < text.length() ? text.charAt(index) : ' ';
  }
}
