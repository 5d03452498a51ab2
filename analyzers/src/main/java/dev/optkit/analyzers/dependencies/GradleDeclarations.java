package dev.optkit.analyzers.dependencies;

import static dev.optkit.analyzers.dependencies.GradleScript.notation;
import static dev.optkit.analyzers.dependencies.GradleSyntax.first;
import static dev.optkit.analyzers.dependencies.GradleSyntax.lastClosure;

import dev.optkit.analyzers.dependencies.GradleScript.Library;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;


/** The dependency declarations, found under the closures of the calls they are written in. */
final class GradleDeclarations extends CodeVisitorSupport {
  /** Configurations whose libraries are on the main code's class path. */
  private static final Set<String> MAIN = Set.of("implementation", "api", "compile", "compileOnly", "compileOnlyApi",
      "runtimeOnly", "runtime", "providedCompile", "providedRuntime");
  private static final Set<String> NOT_LIBRARIES = Set.of("project", "files", "fileTree", "gradleApi", "localGroovy",
      "testFixtures");
  static final String BOOT_PLUGIN = "org.springframework.boot";

  private final Map<String, String> strings;
  private final Deque<String> blocks = new ArrayDeque<>();
  private final List<Library> libraries = new ArrayList<>();
  private final List<Coordinates> boms = new ArrayList<>();
  private final List<Coordinates> sharedBoms = new ArrayList<>();
  private final List<String> pluginAliases = new ArrayList<>();
  private final List<String> bomAliases = new ArrayList<>();
  private final List<String> sharedBomAliases = new ArrayList<>();
  private final List<GradleScript.ScriptRepository> repositories = new ArrayList<>();
  /** Blocks whose repositories are not the dependencies': the build's own class path, plugins, publishing targets. */
  private static final Set<String> OTHER_REPOSITORIES = Set.of("buildscript", "pluginManagement", "publishing",
      "uploadArchives", "dependencyResolutionManagement");
  /** Gradle's named repositories: Maven Central is always used, JCenter is gone (each request a timeout). */
  private static final Map<String, String> NAMED_REPOSITORIES = Map.of("google", "https://dl.google.com/dl/android/maven2/",
      "gradlePluginPortal", "https://plugins.gradle.org/m2/");
  private final List<String> plugins = new ArrayList<>();
  private final List<String> sharedPlugins = new ArrayList<>();
  /** Plugins a {@code plugins} block names but does not apply ({@code id 'x' version '1' apply false}). */
  private final Set<String> notApplied = new java.util.HashSet<>();
  private final List<String> includedBuilds = new ArrayList<>();
  private final List<String> includedProjects = new ArrayList<>();
  private String bootVersion;
  private boolean appliesBoot;
  private int unread;

  /** What the visit found, with the strings the script gives its subprojects. */
  GradleScript.Declared declared(Map<String, String> assigned) {
    return new GradleScript.Declared(List.copyOf(libraries), List.copyOf(boms), unread, Map.copyOf(assigned),
        List.copyOf(sharedBoms), bootVersion, appliesBoot, List.copyOf(pluginAliases), List.copyOf(bomAliases),
        List.copyOf(sharedBomAliases), List.copyOf(repositories), applied(plugins), applied(sharedPlugins),
        List.copyOf(includedBuilds), List.copyOf(includedProjects));
  }

  private List<String> applied(List<String> ids) {
    return ids.stream().filter(id -> !notApplied.contains(id)).distinct().toList();
  }

  GradleDeclarations(Map<String, String> strings) {
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
    if (name != null && name.equals("id") && inPluginsBlock()) {
      plugin(text(first(call)));
    }
    if (name != null && name.equals("apply") && !call.isImplicitThis() && inPluginsBlock()) {
      String id = pluginId(call.getObjectExpression());
      if (id != null) {
        notApplied.add(id); // id 'x' version '1' apply false: on the class path, not applied here
      }
    }
    if (name != null && name.equals("apply") && first(call) instanceof MapExpression map) {
      map.getMapEntryExpressions().stream().filter(e -> "plugin".equals(text(e.getKeyExpression())))
          .forEach(e -> plugin(text(e.getValueExpression()))); // apply plugin: 'x', Kotlin's apply(plugin = "x")
      if (map.getMapEntryExpressions().stream().anyMatch(e -> "plugin".equals(text(e.getKeyExpression()))
            && BOOT_PLUGIN.equals(text(e.getValueExpression())))) {
        appliesBoot = true; // apply plugin: 'org.springframework.boot'
      }
    }
    if (name != null && name.equals("include") && call.isImplicitThis()
        && call.getArguments() instanceof org.codehaus.groovy.ast.expr.TupleExpression arguments) {
      for (Expression argument : arguments.getExpressions()) {
        String project = text(argument);
        if (project != null) {
          includedProjects.add(project); // a settings script's include "app", include(":core:web", ":api")
        }
      }
    }
    if (name != null && name.equals("includeBuild") && call.isImplicitThis()) {
      String build = text(first(call));
      if (build != null) {
        includedBuilds.add(build); // a settings script's includeBuild("build-logic"), in pluginManagement or not
      }
    }
    if (name != null && name.equals("plugins") && lastClosure(call) != null && !blocks.contains("pluginManagement")
        && !blocks.contains("gradlePlugin")
        && lastClosure(call).getCode() instanceof org.codehaus.groovy.ast.stmt.BlockStatement block) {
      for (org.codehaus.groovy.ast.stmt.Statement statement : block.getStatements()) {
        // Kotlin's accessors: plugins { java; `java-library`; `my-conventions` }
        if (statement instanceof org.codehaus.groovy.ast.stmt.ExpressionStatement expression
            && (expression.getExpression() instanceof VariableExpression
                || expression.getExpression() instanceof PropertyExpression)) {
          plugin(dotted(expression.getExpression()));
        }
      }
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

  private boolean inPluginsBlock() {
    // not gradlePlugin { plugins { .. } }: the plugins a plugin build declares, not ones it applies
    return blocks.contains("plugins") && !blocks.contains("pluginManagement") && !blocks.contains("gradlePlugin");
  }

  /** A plugin the script applies: to itself, or (in {@code allprojects}/{@code subprojects}) to its subprojects. */
  private void plugin(String id) {
    if (id == null || id.isBlank() || blocks.contains("pluginManagement") || blocks.contains("buildscript")) {
      return;
    }
    if (blocks.contains("allprojects") || blocks.contains("subprojects")) {
      sharedPlugins.add(id);
    }
    if (!blocks.contains("subprojects")) {
      plugins.add(id);
    }
  }

  /** The id of {@code id 'x'} under a {@code version '1'} chain, or null. */
  private String pluginId(Expression expression) {
    Expression current = expression;
    while (current instanceof MethodCallExpression call) {
      if ("id".equals(call.getMethodAsString()) && call.isImplicitThis()) {
        return text(first(call));
      }
      current = call.getObjectExpression();
    }
    return null;
  }

  /** {@code a}, {@code a.b.c}: the name as written, dots included; else null. */
  private static String dotted(Expression expression) {
    if (expression instanceof VariableExpression variable) {
      return variable.getName();
    }
    if (expression instanceof PropertyExpression property && property.getPropertyAsString() != null) {
      String owner = dotted(property.getObjectExpression());
      return owner == null ? null : owner + "." + property.getPropertyAsString();
    }
    return null;
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
    if (blocks.contains("repositories") && blocks.stream().noneMatch(OTHER_REPOSITORIES::contains)) {
      repository(configuration, call);
      return;
    }
    if (configuration.equals("mavenBom") && blocks.contains("imports")) {
      bom(first(call));
      return;
    }
    if (!blocks.isEmpty() && blocks.peek().equals("dependencies")) {
      boolean test = configuration.startsWith("test") && configuration.length() > 4 && Character.isUpperCase(configuration.charAt(4));
      if (!MAIN.contains(configuration) && !test) {
        return; // annotationProcessor, kapt, developmentOnly, a plugin's own: not the code's class path
      }
      if (!(call.getArguments() instanceof TupleExpression arguments)) {
        return;
      }
      // compileOnly 'a:b', 'c:d:1': every argument, the trailing configuration closure aside
      String strictly = strictVersion(lastClosure(call));
      Optional<Library> positional = positional(arguments, test, strictly);
      if (positional.isPresent()) {
        libraries.add(positional.get());
        return;
      }
      for (Expression argument : arguments.getExpressions()) {
        if (!(argument instanceof ClosureExpression)) {
          library(argument, test, strictly);
        }
      }
    }
  }

  /**
   * Kotlin's {@code implementation("com.mashape.unirest", "unirest-java", "1.3.1")}: group, name and version as
   * separate texts (the recall study's zoom-attendance; read as three notations, none valid, its client went
   * unresolved). Two or three texts, none with a colon: as notations they would name nothing.
   */
  private Optional<Library> positional(TupleExpression arguments, boolean test, String strictly) {
    List<String> texts = new java.util.ArrayList<>();
    for (Expression argument : arguments.getExpressions()) {
      if (!(argument instanceof ClosureExpression)) {
        texts.add(text(argument));
      }
    }
    if (texts.size() < 2 || texts.size() > 3 || texts.stream().anyMatch(t -> t == null || t.isBlank() || t.contains(":"))) {
      return Optional.empty();
    }
    return Optional.of(new Library(texts.get(0), texts.get(1), texts.size() == 3 ? texts.get(2) : strictly, null, "jar",
        test));
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

  /**
   * {@code maven { url 'https://..' }} (or {@code url = uri('..')}, {@code setUrl(..)}, {@code url(..)}), {@code
   * google()}: an address the resolver may use, if {@link Repositories} accepts it (https, or http on loopback).
   */
  private void repository(String call, MethodCallExpression expression) {
    String url = null;
    if (blocks.peek().equals("repositories") && NAMED_REPOSITORIES.containsKey(call)) {
      url = NAMED_REPOSITORIES.get(call);
    } else if (blocks.peek().equals("repositories") && call.equals("maven")) {
      // Kotlin's maven("https://..") or maven(url = "https://..")
      url = first(expression) instanceof MapExpression named ? named.getMapEntryExpressions().stream()
          .filter(e -> "url".equals(text(e.getKeyExpression()))).map(e -> address(e.getValueExpression()))
          .filter(java.util.Objects::nonNull).findFirst().orElse(null) : address(first(expression));
    } else if (blocks.peek().equals("maven") && (call.equals("url") || call.equals("setUrl"))) {
      url = address(first(expression));
    }
    if (url != null) {
      repositories.add(new GradleScript.ScriptRepository(url, blocks.contains("allprojects")
          || blocks.contains("subprojects")));
    }
  }

  @Override
  public void visitBinaryExpression(org.codehaus.groovy.ast.expr.BinaryExpression assignment) {
    // maven { url = 'https://..' } or url = uri('https://..')
    if (assignment.getOperation().getText().equals("=") && !blocks.isEmpty() && blocks.peek().equals("maven")
        && blocks.contains("repositories") && blocks.stream().noneMatch(OTHER_REPOSITORIES::contains)
        && assignment.getLeftExpression() instanceof VariableExpression left && left.getName().equals("url")) {
      String url = address(assignment.getRightExpression());
      if (url != null) {
        repositories.add(new GradleScript.ScriptRepository(url, blocks.contains("allprojects")
            || blocks.contains("subprojects")));
      }
    }
    super.visitBinaryExpression(assignment);
  }

  /** {@code 'https://..'}, or {@code uri('https://..')}. */
  private String address(Expression expression) {
    if (expression instanceof MethodCallExpression uri && "uri".equals(uri.getMethodAsString())) {
      return text(first(uri));
    }
    return text(expression);
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
      bomAliases.add(property.getText()); // platform(libs.x): the catalog's entry names the BOM
      if (blocks.contains("allprojects") || blocks.contains("subprojects")) {
        sharedBomAliases.add(property.getText());
      }
      return;
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

  /**
   * A literal, a GString whose every value is a string the script or gradle.properties gives, or such a name alone
   * ({@code version = springVersion}, Kotlin's {@code rootProject.extra["v"]}); else null.
   */
  private String text(Expression expression) {
    if (expression instanceof ConstantExpression constant) {
      return constant.getValue() instanceof String text ? text : null;
    }
    if (expression instanceof VariableExpression variable) {
      return strings.get(variable.getName());
    }
    if (expression instanceof PropertyExpression property && !property.getText().startsWith("libs.")) {
      return property.getPropertyAsString() == null ? null : strings.get(property.getPropertyAsString());
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

