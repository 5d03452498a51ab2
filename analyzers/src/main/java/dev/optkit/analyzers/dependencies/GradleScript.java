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
   * @param boms the platforms and BOMs that manage versions
   * @param unread declarations whose text the script computes, which are not read
   */
  public record Declared(List<Library> libraries, List<Coordinates> boms, int unread) {}

  private GradleScript() {}

  /** The project's Kotlin build scripts ({@code build.gradle.kts}), which optkit does not read. */
  public static List<Path> kotlinScripts(Path root) {
    return GradleModules.kotlinScripts(root);
  }

  /**
   * The script's declarations; empty when it is not a file inside the project, too large or not Groovy.
   *
   * @param properties {@code gradle.properties} values the script may interpolate
   */
  public static Optional<Declared> read(Path script, Map<String, String> properties) {
    String text;
    try {
      if (!Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS) || Files.size(script) > MAX_BYTES) {
        return Optional.empty();
      }
      text = Files.readString(script);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return parse(text, properties);
  }

  static Optional<Declared> parse(String text, Map<String, String> properties) {
    ModuleNode module;
    try {
      CompilerConfiguration configuration = new CompilerConfiguration();
      SourceUnit unit = new SourceUnit("build.gradle", text, configuration, null, new ErrorCollector(configuration));
      unit.parse();
      unit.completePhase();
      unit.nextPhase();
      unit.convert(); // the syntax tree only: no class is compiled, no transformation or script code runs
      module = unit.getAST();
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty(); // not Groovy: Gradle would refuse it too
    }
    if (module == null || module.getStatementBlock() == null) {
      return Optional.empty();
    }
    Map<String, String> strings = new HashMap<>(properties);
    module.getStatementBlock().visit(new Assignments(strings));
    Declarations declarations = new Declarations(strings);
    module.getStatementBlock().visit(declarations);
    List<Coordinates> boms = new ArrayList<>(declarations.boms);
    if (declarations.bootVersion != null) {
      boms.add(new Coordinates("org.springframework.boot", "spring-boot-dependencies", declarations.bootVersion));
    }
    return Optional.of(new Declared(List.copyOf(declarations.libraries), List.copyOf(boms), declarations.unread));
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

    /** A name assigned twice (a branch, a loop) has no one value: it is left out. */
    private void assign(String name, Expression value) {
      if (name == null) {
        return;
      }
      int times = assigned.merge(name, 1, Integer::sum);
      if (times > 1) {
        strings.remove(name);
      } else if (value instanceof ConstantExpression constant && constant.getValue() instanceof String text) {
        strings.put(name, text);
      } else {
        strings.remove(name);
      }
    }
  }

  /** The dependency declarations, found under the closures of the calls they are written in. */
  private static final class Declarations extends CodeVisitorSupport {
    private final Map<String, String> strings;
    private final Deque<String> blocks = new ArrayDeque<>();
    private final List<Library> libraries = new ArrayList<>();
    private final List<Coordinates> boms = new ArrayList<>();
    private String bootVersion;
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
        Expression argument = first(call);
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
          for (MapEntryExpression entry : map.getMapEntryExpressions()) {
            String key = text(entry.getKeyExpression());
            String value = text(entry.getValueExpression());
            if (key != null && value != null) {
              parts.put(key, value);
            }
          }
          if (parts.containsKey("group") && parts.containsKey("name")) {
            libraries.add(new Library(parts.get("group"), parts.get("name"), parts.get("version"),
                parts.get("classifier"), parts.getOrDefault("ext", "jar"), test));
          } else {
            unread++;
          }
          return;
        }
        if (argument instanceof PropertyExpression) {
          return; // libs.guava: a version catalog's, read from the catalog
        }
        Optional<Library> library = notation(text(argument), test);
        if (library.isPresent()) {
          libraries.add(library.get());
        } else if (argument != null) {
          unread++;
        }
      }
    }

    private void bom(Expression expression) {
      Optional<Library> bom = notation(text(expression), false);
      if (bom.isPresent() && bom.get().version() != null) {
        boms.add(new Coordinates(bom.get().group(), bom.get().artifact(), bom.get().version()));
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
