package dev.optkit.analyzers.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;

/**
 * A module's pom and its local parents, read with Maven's own model reader (declared encoding
 * honoured, no regular expressions over XML), for what optkit needs without running Maven: the
 * Java release the module compiles for, and the lowest Java an enforcer rule lets it build on.
 */
public final class MavenPom {
  private static final int MAX_PARENTS = 8;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  /** Java levels Spring Boot's parent sets when the project does not: 1.8 for Boot 1 and 2, 17 for Boot 3. */
  private static final Pattern BOOT_VERSION = Pattern.compile("^(\\d+)\\.");

  private final List<Model> lineage;
  private final List<Path> files;

  private MavenPom(List<Model> lineage, List<Path> files) {
    this.lineage = List.copyOf(lineage);
    this.files = List.copyOf(files);
  }

  /** The modules this pom aggregates, its profiles' included, as written (relative directories or pom files). */
  /**
   * Whether Surefire or Failsafe may run the module's tests in parallel: a {@code parallel} setting or JUnit's parallel
   * configuration parameter anywhere in their configuration (of the module, a local parent, plugin management).
   */
  public boolean testsMayRunInParallel() {
    for (Model model : lineage) {
      for (org.apache.maven.model.Plugin plugin : PomPlugins.plugins(model)) {
        if (!plugin.getArtifactId().equals("maven-surefire-plugin") && !plugin.getArtifactId().equals("maven-failsafe-plugin")) {
          continue;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        plugin.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
        if (configurations.stream().anyMatch(c -> c != null && c.toString().toLowerCase(java.util.Locale.ROOT)
            .contains("parallel"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** See {@link TestClassPaths#mayDiffer}. */
  public boolean testClassPathMayDiffer() {
    return TestClassPaths.mayDiffer(lineage);
  }

  /** See {@link TestClassPaths#startsApplication}. */
  public boolean startsApplicationForTests() {
    return TestClassPaths.startsApplication(lineage);
  }

  /** Whether the module or a local parent names its own resource folders, main or test. */
  public boolean declaresResources() {
    return declaresTestResources()
        || lineage.stream().anyMatch(model -> model.getBuild() != null && !model.getBuild().getResources().isEmpty());
  }

  /** Whether the module or a local parent names its own test resource folders ({@code <testResources>}). */
  public boolean declaresTestResources() {
    return lineage.stream().anyMatch(model -> model.getBuild() != null && !model.getBuild().getTestResources().isEmpty());
  }

  public List<String> modules() {
    List<String> modules = new ArrayList<>(lineage.get(0).getModules());
    lineage.get(0).getProfiles().forEach(profile -> modules.addAll(profile.getModules()));
    return modules;
  }

  /** The module's own artifactId. */
  public String artifactId() {
    return lineage.get(0).getArtifactId() == null ? "" : lineage.get(0).getArtifactId();
  }

  /** The module's groupId: its own, else its parent's, properties interpolated; null when neither is written. */
  public String groupId() {
    Model module = lineage.get(0);
    String written = module.getGroupId() != null ? module.getGroupId()
        : module.getParent() != null ? module.getParent().getGroupId() : null;
    return written == null ? null : interpolate(written, properties());
  }

  /**
   * The artifacts the module depends on in any scope (no version told), properties interpolated, a groupId not written
   * null: its own {@code <dependencies>}, its local parents' (which it inherits) and every profile's; never dependency
   * management, which only sets versions.
   */
  public List<Declared> dependedOn() {
    Properties properties = properties();
    Model module = lineage.get(0);
    String group = groupId();
    if (group != null) {
      properties.putIfAbsent("project.groupId", group);
      properties.putIfAbsent("groupId", group);
    }
    if (module.getParent() != null && module.getParent().getGroupId() != null) {
      properties.putIfAbsent("project.parent.groupId", module.getParent().getGroupId());
    }
    List<Declared> keys = new ArrayList<>();
    for (Model model : lineage) {
      List<org.apache.maven.model.Dependency> dependencies = new ArrayList<>(model.getDependencies());
      model.getProfiles().forEach(profile -> dependencies.addAll(profile.getDependencies()));
      for (org.apache.maven.model.Dependency dependency : dependencies) {
        if (dependency.getArtifactId() != null) {
          // Maven 4 infers a reactor dependency's groupId: one not written matches any group
          keys.add(new Declared(dependency.getGroupId() == null ? null : interpolate(dependency.getGroupId(), properties),
              interpolate(dependency.getArtifactId(), properties), null));
        }
      }
    }
    return keys;
  }

  /** The module's packaging as written ({@code jar} when it names none). */
  public String packaging() {
    String written = lineage.get(0).getPackaging();
    return written == null || written.isBlank() ? "jar" : written.trim();
  }

  /** The artifactIds of the plugins the module's build runs: its own and its local parents' {@code <plugins>}. */
  public java.util.Set<String> buildPlugins() {
    java.util.Set<String> found = new java.util.TreeSet<>();
    runPlugins().forEach(plugin -> found.add(plugin.getArtifactId()));
    return found;
  }

  /** The plugins the module's build runs: its own and its local parents' {@code <plugins>}, profiles' too. */
  private List<Plugin> runPlugins() {
    List<Plugin> run = new ArrayList<>();
    for (Model model : lineage) {
      if (model.getBuild() != null) {
        run.addAll(model.getBuild().getPlugins());
      }
      model.getProfiles().stream().filter(profile -> profile.getBuild() != null)
          .forEach(profile -> run.addAll(profile.getBuild().getPlugins()));
    }
    return run;
  }

  /**
   * Whether the configuration of one of these plugins, as the module's build runs it (its own and its local parents'
   * {@code <plugins>}, profiles', executions'), holds a value or attribute that contains one of the words.
   */
  public boolean configurationNames(Set<String> plugins, java.util.Collection<String> words) {
    for (Plugin plugin : runPlugins()) {
      if (!plugins.contains(plugin.getArtifactId())) {
        continue;
      }
      List<Object> configurations = new ArrayList<>();
      configurations.add(plugin.getConfiguration());
      plugin.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
      for (Object configuration : configurations) {
        if (configuration instanceof org.codehaus.plexus.util.xml.Xpp3Dom dom && names(dom, words, 0)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean names(org.codehaus.plexus.util.xml.Xpp3Dom node, java.util.Collection<String> words, int depth) {
    if (depth > 32) {
      return true; // deeper than a configuration is written: not read, so counted as naming them
    }
    List<String> texts = new ArrayList<>();
    texts.add(node.getValue());
    for (String attribute : node.getAttributeNames()) {
      texts.add(node.getAttribute(attribute));
    }
    for (String text : texts) {
      if (text != null && tokens(text).stream().anyMatch(token -> words.stream().anyMatch(word -> named(token, word)))) {
        return true;
      }
    }
    for (org.codehaus.plexus.util.xml.Xpp3Dom child : node.getChildren()) {
      if (names(child, words, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** The runs of characters an artifactId or file name is made of ({@code ../web/target/web-1.0.war}: four). */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (char c : (text + " ").toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') {
        token.append(c);
      } else if (!token.isEmpty()) {
        tokens.add(token.toString());
        token.setLength(0);
      }
    }
    return tokens;
  }

  /** Whether a token names the artifact: it, or its file ({@code web-1.0.war}, {@code web.war}, {@code web-${v}}). */
  private static boolean named(String token, String artifactId) {
    if (!token.startsWith(artifactId)) {
      return false;
    }
    String rest = token.substring(artifactId.length());
    // a placeholder ends the token ({@code web-${v}} gives {@code web-})
    return rest.isEmpty() || rest.startsWith(".") || rest.equals("-")
        || rest.startsWith("-") && Character.isDigit(rest.charAt(1));
  }

  /**
   * The artifactId of the parent the module names, when no pom read here is that parent (it is resolved from a
   * repository, or a reactor's pom not at its relative path); null when the parent was read or there is none.
   */
  public String unreadParent() {
    Model top = lineage.get(lineage.size() - 1);
    return top.getParent() == null ? null : top.getParent().getArtifactId() == null ? "" : top.getParent().getArtifactId();
  }

  /** The pom files read: this one, then each parent reached through relativePath. */
  public List<Path> files() {
    return files;
  }

  /** The pom at {@code file} and the parents reachable through relativePath; empty when it cannot be read. */
  public static Optional<MavenPom> read(Path file) {
    List<Model> lineage = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Path current = file;
    for (int depth = 0; depth < MAX_PARENTS && current != null && Files.isRegularFile(current); depth++) {
      Model model;
      try (InputStream in = Files.newInputStream(current)) {
        model = new MavenXpp3Reader().read(in, false);
      } catch (IOException | org.codehaus.plexus.util.xml.pull.XmlPullParserException | RuntimeException e) {
        break;
      }
      lineage.add(model);
      files.add(current);
      if (model.getParent() == null) {
        break;
      }
      String relative = model.getParent().getRelativePath();
      if (relative == null || relative.isBlank()) {
        break;
      }
      // a relative pom.xml (assess run from inside the project) has no parent folder of its own
      Path next = (current.getParent() == null ? Path.of("") : current.getParent()).resolve(relative).normalize();
      current = Files.isDirectory(next) ? next.resolve("pom.xml") : next;
      Model parentModel = peek(current);
      // Maven 4 infers a parent written without coordinates (<parent/>) from the pom at its relative path
      if (parentModel == null || model.getParent().getArtifactId() != null
          && !model.getParent().getArtifactId().equals(parentModel.getArtifactId())) {
        break; // relativePath points at another project: the parent comes from a repository
      }
    }
    return lineage.isEmpty() ? Optional.empty() : Optional.of(new MavenPom(lineage, files));
  }

  private static Model peek(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new MavenXpp3Reader().read(in, false);
    } catch (IOException | org.codehaus.plexus.util.xml.pull.XmlPullParserException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether Spring Boot manages the build: the module or a local parent inherits Boot's parent
   * ({@code spring-boot-starter-parent}) or imports its BOM ({@code spring-boot-dependencies}).
   */
  public boolean springBootManaged() {
    for (Model model : lineage) {
      if (model.getParent() != null && "spring-boot-starter-parent".equals(model.getParent().getArtifactId())) {
        return true;
      }
      if (model.getDependencyManagement() != null && model.getDependencyManagement().getDependencies().stream()
          .anyMatch(d -> "spring-boot-dependencies".equals(d.getArtifactId()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Spring Boot version whose parent ({@code spring-boot-starter-parent}) or BOM ({@code spring-boot-dependencies})
   * manages the build, a {@code ${property}} resolved from the poms' properties; empty when none does or it is not told.
   */
  public Optional<String> springBootVersion() {
    for (Model model : lineage) {
      if (model.getParent() != null && "spring-boot-starter-parent".equals(model.getParent().getArtifactId())) {
        return resolved(model.getParent().getVersion());
      }
      if (model.getDependencyManagement() != null) {
        for (org.apache.maven.model.Dependency bom : model.getDependencyManagement().getDependencies()) {
          if ("spring-boot-dependencies".equals(bom.getArtifactId())) {
            return resolved(bom.getVersion());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The Spring Framework version the build declares, without Boot: a {@code spring-*} dependency's of group {@code
   * org.springframework}, or the {@code spring-framework-bom}'s, a property resolved; empty when nothing tells.
   */
  public Optional<String> springFrameworkVersion() {
    for (Model model : lineage) {
      List<org.apache.maven.model.Dependency> dependencies = new ArrayList<>(model.getDependencies());
      if (model.getDependencyManagement() != null) {
        dependencies.addAll(model.getDependencyManagement().getDependencies());
      }
      for (org.apache.maven.model.Dependency dependency : dependencies) {
        if ("org.springframework".equals(dependency.getGroupId()) && dependency.getArtifactId().startsWith("spring-")
            && dependency.getVersion() != null) {
          return resolved(dependency.getVersion());
        }
      }
    }
    return Optional.empty();
  }

  /** A version as written, or the property it names; empty when that property is not set in the poms. */
  private Optional<String> resolved(String version) {
    if (version == null) {
      return Optional.empty();
    }
    String written = version.trim();
    if (written.startsWith("${") && written.endsWith("}")) {
      String value = properties().getProperty(written.substring(2, written.length() - 1));
      return value == null || value.contains("${") ? Optional.empty() : Optional.of(value.trim());
    }
    return written.contains("${") ? Optional.empty() : Optional.of(written);
  }

  /** Properties of the module, its parents' filling the gaps. */
  public Properties properties() {
    Properties merged = new Properties();
    for (int i = lineage.size() - 1; i >= 0; i--) {
      merged.putAll(lineage.get(i).getProperties());
    }
    return merged;
  }

  /**
   * The Java release the module compiles for: the compiler plugin's release/source, then the
   * {@code maven.compiler.*} and {@code java.version} properties, then Spring Boot's parent default;
   * empty when nothing says.
   */
  public Optional<Integer> javaRelease() {
    Properties properties = properties();
    for (Model model : lineage) {
      Optional<Integer> configured = PomPlugins.compilerSetting(model, properties);
      if (configured.isPresent()) {
        return configured;
      }
    }
    for (String property : List.of("maven.compiler.release", "maven.compiler.source", "maven.compiler.target",
        "java.version")) {
      Optional<Integer> level = level(resolve(properties.getProperty(property), properties));
      if (level.isPresent()) {
        return level;
      }
    }
    Optional<Integer> toolchain = toolchainJdk(properties);
    if (toolchain.isPresent()) {
      return toolchain; // no level written: javac defaults to the toolchain JDK's own
    }
    Model top = lineage.get(lineage.size() - 1);
    if (top.getParent() != null && top.getParent().getArtifactId().equals("spring-boot-starter-parent")) {
      Matcher major = BOOT_VERSION.matcher(top.getParent().getVersion() == null ? "" : top.getParent().getVersion());
      if (major.find()) {
        return Optional.of(Integer.parseInt(major.group(1)) >= 3 ? 17 : 8);
      }
    }
    return Optional.empty();
  }

  /** A dependency as declared: its version interpolated from properties, or managed; null when neither says. */
  public record Declared(String groupId, String artifactId, String version) {}

  /**
   * Every dependency the module and its local parents name — dependencies, dependency management,
   * profiles — with versions interpolated from their properties ({@code ${x}}, {@code project.version})
   * or taken from dependency management when the declaration has none.
   */
  public List<Declared> declaredDependencies() {
    Properties properties = properties();
    Model module = lineage.get(0);
    String projectVersion = module.getVersion() != null ? module.getVersion()
        : module.getParent() != null ? module.getParent().getVersion() : null;
    if (projectVersion != null) {
      properties.putIfAbsent("project.version", projectVersion);
      properties.putIfAbsent("version", projectVersion);
    }
    if (module.getParent() != null && module.getParent().getVersion() != null) {
      properties.putIfAbsent("project.parent.version", module.getParent().getVersion());
    }
    List<org.apache.maven.model.Dependency> all = new ArrayList<>();
    List<org.apache.maven.model.Dependency> managed = new ArrayList<>();
    for (Model model : lineage) {
      all.addAll(model.getDependencies());
      if (model.getDependencyManagement() != null) {
        managed.addAll(model.getDependencyManagement().getDependencies());
      }
      for (org.apache.maven.model.Profile profile : model.getProfiles()) {
        all.addAll(profile.getDependencies());
        if (profile.getDependencyManagement() != null) {
          managed.addAll(profile.getDependencyManagement().getDependencies());
        }
      }
    }
    all.addAll(managed);
    List<Declared> declared = new ArrayList<>();
    for (org.apache.maven.model.Dependency dependency : all) {
      if (dependency.getGroupId() == null || dependency.getArtifactId() == null || "pom".equals(dependency.getType())) {
        continue;
      }
      String group = interpolate(dependency.getGroupId(), properties);
      String artifact = interpolate(dependency.getArtifactId(), properties);
      String version = dependency.getVersion();
      if (version == null) {
        version = managed.stream().filter(m -> dependency.getGroupId().equals(m.getGroupId())
                && dependency.getArtifactId().equals(m.getArtifactId()) && m.getVersion() != null)
            .map(org.apache.maven.model.Dependency::getVersion).findFirst().orElse(null);
      }
      version = version == null ? null : interpolate(version, properties);
      declared.add(new Declared(group, artifact, version == null || version.contains("${") ? null : version));
    }
    return declared;
  }

  /**
   * The dependencies of the module and its local parents (not their dependency management)
   * outside the test and system scopes, each once, versions as {@link #declaredDependencies} finds them.
   */
  public List<Declared> compileDeclared() {
    Properties properties = properties();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Model model : lineage) {
      for (org.apache.maven.model.Dependency d : model.getDependencies()) {
        String scope = d.getScope() == null ? "compile" : interpolate(d.getScope(), properties);
        if (d.getGroupId() != null && d.getArtifactId() != null && !List.of("test", "system", "import").contains(scope)) {
          used.add(interpolate(d.getGroupId(), properties) + ":" + interpolate(d.getArtifactId(), properties));
        }
      }
    }
    java.util.Map<String, Declared> found = new java.util.LinkedHashMap<>();
    for (Declared declared : declaredDependencies()) {
      String key = declared.groupId() + ":" + declared.artifactId();
      if (used.contains(key) && (!found.containsKey(key) || found.get(key).version() == null)) {
        found.put(key, declared);
      }
    }
    return List.copyOf(found.values());
  }

  /** {@code ${name}} replaced from the properties, a few levels deep; unknown ones left as written. */
  private static String interpolate(String value, Properties properties) {
    String current = value.trim();
    for (int round = 0; round < 5 && current.contains("${"); round++) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (at < current.length()) {
        int start = current.indexOf("${", at);
        int end = start < 0 ? -1 : current.indexOf('}', start);
        if (start < 0 || end < 0) {
          out.append(current, at, current.length());
          break;
        }
        String name = current.substring(start + 2, end);
        out.append(current, at, start).append(properties.getProperty(name, "${" + name + "}"));
        at = end + 1;
      }
      current = out.toString();
    }
    return current;
  }

  /**
   * The artifactIds of the dependencies the module and its local parents declare, their profiles'
   * included (any may be active), with properties filled in ({@code ${core.id}}); versions managed
   * but not declared are not dependencies.
   */
  public List<String> dependencyArtifacts() {
    Properties properties = properties();
    List<String> artifacts = new ArrayList<>();
    for (Model model : lineage) {
      model.getDependencies().forEach(d -> artifacts.add(interpolate(d.getArtifactId(), properties)));
      for (org.apache.maven.model.Profile profile : model.getProfiles()) {
        Properties active = new Properties();
        active.putAll(properties);
        active.putAll(profile.getProperties()); // an active profile's properties win
        profile.getDependencies().forEach(d -> artifacts.add(interpolate(d.getArtifactId(), active)));
      }
    }
    return artifacts;
  }

  /**
   * Whether a dependency on {@code artifactId} (the module's, a local parent's, a profile's) excludes
   * {@code excluded}: {@code spring-boot-starter-data-redis} without {@code lettuce-core}, to use Jedis.
   */
  public boolean excludes(String artifactId, String excluded) {
    Properties properties = properties();
    for (Model model : lineage) {
      List<org.apache.maven.model.Dependency> dependencies = new ArrayList<>(model.getDependencies());
      model.getProfiles().forEach(profile -> dependencies.addAll(profile.getDependencies()));
      for (org.apache.maven.model.Dependency d : dependencies) {
        if (d.getArtifactId() != null && interpolate(d.getArtifactId(), properties).equals(artifactId)
            && d.getExclusions().stream().anyMatch(e -> e.getArtifactId() != null
                && (e.getArtifactId().equals("*") || interpolate(e.getArtifactId(), properties).equals(excluded)))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the module's main code compiles against, as {@code groupId:artifactId}: dependencies of the
   * module and its local parents in the compile scope (written or left out), profiles aside (they may be off).
   */
  public List<String> compileArtifacts() {
    Properties properties = properties();
    List<String> artifacts = new ArrayList<>();
    for (Model model : lineage) {
      model.getDependencies().stream()
          .filter(d -> d.getScope() == null || interpolate(d.getScope(), properties).equals("compile"))
          .forEach(d -> artifacts.add(interpolate(d.getGroupId(), properties) + ":"
              + interpolate(d.getArtifactId(), properties)));
    }
    return artifacts;
  }

  /**
   * The version, as written, of the first dependency of {@code groupId} whose artifactId starts
   * with {@code artifactPrefix}, in the module or its local parents, dependency management included.
   */
  public Optional<String> declaredVersion(String groupId, String artifactPrefix) {
    for (Model model : lineage) {
      List<org.apache.maven.model.Dependency> dependencies = new ArrayList<>(model.getDependencies());
      if (model.getDependencyManagement() != null) {
        dependencies.addAll(model.getDependencyManagement().getDependencies());
      }
      for (org.apache.maven.model.Dependency dependency : dependencies) {
        if (groupId.equals(dependency.getGroupId()) && dependency.getArtifactId().startsWith(artifactPrefix)
            && dependency.getVersion() != null && !"pom".equals(dependency.getType())) {
          return Optional.of(dependency.getVersion().trim());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The JDK a {@code maven-toolchains-plugin} configuration selects ({@code <toolchains><jdk><version>}),
   * by its lower bound ("[1.8,)", "11").
   */
  private Optional<Integer> toolchainJdk(Properties properties) {
    return PomPlugins.versionRange(lineage, "maven-toolchains-plugin", List.of("toolchains", "jdk", "version"), properties);
  }

  /** The artifactIds of the build plugins the module and its local parents declare (their management too). */
  public Set<String> pluginArtifacts() {
    return lineage.stream().flatMap(model -> PomPlugins.plugins(model).stream()).map(Plugin::getArtifactId)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The lowest Java an enforcer {@code requireJavaVersion} rule accepts, when one is declared. */
  public Optional<Integer> enforcedMinimumJava() {
    return PomPlugins.versionRange(lineage, "maven-enforcer-plugin", List.of("rules", "requireJavaVersion", "version"),
        properties());
  }

  static String resolve(String value, Properties properties) {
    String current = value;
    for (int i = 0; current != null && i < 5 && current.contains("${"); i++) {
      Matcher matcher = PLACEHOLDER.matcher(current);
      StringBuilder resolved = new StringBuilder();
      while (matcher.find()) {
        String replacement = properties.getProperty(matcher.group(1));
        if (replacement == null) {
          return null;
        }
        matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
      }
      matcher.appendTail(resolved);
      current = resolved.toString();
    }
    return current;
  }

  /** "1.8" and "8" are 8, "17" is 17. */
  static Optional<Integer> level(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("1.")) {
      trimmed = trimmed.substring(2);
    }
    int end = 0;
    while (end < trimmed.length() && Character.isDigit(trimmed.charAt(end))) {
      end++;
    }
    return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(trimmed.substring(0, end)));
  }
}
