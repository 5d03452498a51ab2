package dev.optkit.analyzers.dependencies;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.stmt.BlockStatement;

/**
 * The libraries a Gradle build script declares, read from its syntax tree: in Groovy ({@code build.gradle}) Groovy's own
 * parser builds the tree, in Kotlin ({@code build.gradle.kts}) the ANTLR Kotlin grammar's parser does, lowered to the
 * same Groovy tree ({@link KotlinTree}) that the same readers visit. Nothing of the script is compiled, transformed or
 * run (no AST transformation, so no {@code @Grab}), so what a script computes at run time is not known: a dependency whose text is not a literal, a
 * {@code gradle.properties} value or a string the script assigns once ({@code ext.x = '1.0'}, {@code def x = '1.0'}) is
 * counted as unread.
 *
 * <p>Read: {@code dependencies { }} blocks (in {@code subprojects}/{@code allprojects} too, not in {@code buildscript}),
 * {@code 'g:a:v'}, {@code "g:a:$v"}, {@code group: .., name: .., version: ..}, {@code platform(..)} and
 * {@code enforcedPlatform(..)} BOMs, {@code dependencyManagement { imports { mavenBom .. } }}, and the Spring Boot
 * plugin's version (a {@code plugins} block or a {@code buildscript} class path), whose BOM manages versionless ones.
 */
public final class GradleScript {
  static final long MAX_BYTES = 1L << 20;

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
   * @param bomAliases version catalog library aliases it takes as platforms ({@code platform(libs.spring.cloud.bom)})
   * @param sharedBomAliases those of them declared in {@code allprojects}/{@code subprojects}
   * @param repositories the addresses of the repositories its {@code repositories { }} name for its dependencies
   *     ({@code maven { url '..' }}, {@code google()}; not the build script's, plugins' or publishing's), those of
   *     {@code allprojects}/{@code subprojects} marked shared
   * @param plugins the ids of the plugins it applies to itself ({@code plugins { id 'x' }}, Kotlin's {@code `x`},
   *     {@code apply plugin: 'x'}; not those marked {@code apply false}), in its order: a convention plugin's
   *     declarations are the script's ({@link GradleConventionPlugins})
   * @param sharedPlugins those it applies in {@code allprojects}/{@code subprojects}: every subproject's
   * @param includedBuilds the builds a settings script includes ({@code includeBuild("build-logic")}), as written
   * @param includedProjects the projects a settings script includes ({@code include "app"}, {@code
   *     include(":core:web")}), as written
   */
  public record Declared(List<Library> libraries, List<Coordinates> boms, int unread, Map<String, String> strings,
      List<Coordinates> sharedBoms, String bootVersion, boolean appliesBoot, List<String> pluginAliases,
      List<String> bomAliases, List<String> sharedBomAliases, List<ScriptRepository> repositories,
      List<String> plugins, List<String> sharedPlugins, List<String> includedBuilds, List<String> includedProjects) {}

  /** A repository a script names: its address as written, and whether its subprojects use it too. */
  public record ScriptRepository(String url, boolean shared) {}

  /** A script's declarations, or (null declarations) why it was not read, said in the warning that names it. */
  public record Reading(Declared declared, String problem) {
    static Reading unread(String problem) {
      return new Reading(null, problem);
    }
  }

  private GradleScript() {}

  /**
   * The script's declarations, or why it is not read: not a regular file inside the project (a link), over 1 MB,
   * past a bound counted on its text ({@link GradleSyntax#refusal}: nested deeper than
   * {@value GradleSyntax#MAX_NESTING} brackets, a statement of more than {@value GradleSyntax#MAX_CHAIN} operators),
   * not Groovy (a {@code .kts} file: not Kotlin), or, as a last resort, longer than
   * {@value GradleSyntax#BACKSTOP_SECONDS} s to parse. All but the last depend on the text alone.
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
    boolean kotlin = isKotlin(script);
    GradleSyntax.Parsed<BlockStatement> parsed = parsed(text, kotlin);
    if (parsed.problem() != null) {
      return Reading.unread("not read: " + parsed.problem());
    }
    Optional<BlockStatement> statements = parsed.value();
    Map<String, String> applied = new HashMap<>();
    for (String path : GradleSyntax.appliedScripts(statements.get())) {
      GradleSyntax.appliedStrings(script, root, path).ifPresent(applied::putAll);
    }
    Map<String, String> strings = new HashMap<>(properties);
    strings.putAll(applied);
    return new Reading(declared(statements.get(), strings, applied), null);
  }

  /** A Kotlin script: {@code build.gradle.kts}, or any {@code .kts} a script applies. */
  static boolean isKotlin(Path script) {
    return script.getFileName() != null && script.getFileName().toString().endsWith(".kts");
  }

  /** The script's statements as Groovy's syntax tree holds them (a Kotlin script's lowered to it); empty if unparsed. */
  static Optional<BlockStatement> statements(String text, boolean kotlin) {
    return parsed(text, kotlin).value();
  }

  static GradleSyntax.Parsed<BlockStatement> parsed(String text, boolean kotlin) {
    if (kotlin) {
      return KotlinSyntax.parsed(text);
    }
    GradleSyntax.Parsed<ModuleNode> groovy = GradleSyntax.parsed(text);
    return new GradleSyntax.Parsed<>(groovy.value().map(ModuleNode::getStatementBlock).orElse(null), groovy.problem());
  }

  static Optional<Declared> parse(String text, Map<String, String> properties) {
    return parse(text, properties, false);
  }

  static Optional<Declared> parse(String text, Map<String, String> properties, boolean kotlin) {
    return statements(text, kotlin).map(block -> declared(block, new HashMap<>(properties), Map.of()));
  }

  /** @param applied the strings of the scripts it applies, shared with subprojects as its own are */
  private static Declared declared(BlockStatement block, Map<String, String> strings, Map<String, String> applied) {
    Map<String, String> assigned = new HashMap<>(applied);
    GradleAssignments assignments = new GradleAssignments(assigned);
    block.visit(assignments);
    strings.keySet().removeAll(assignments.ambiguous);
    strings.putAll(assigned);
    GradleDeclarations declarations = new GradleDeclarations(strings);
    block.visit(declarations);
    return declarations.declared(assigned);
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
}
