package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.plan.Migration;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A project in a temporary directory, migrated in memory: before/after text and compilation of the result. */
final class MigrationFixture {
  /** A service with one uncached HTTP read: a migration changes it and creates the caching switch. */
  static final String NAMES_SERVICE = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Names {
          private final HttpClient http = HttpClient.newHttpClient();

          public String fetchName(String id) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://n.example.com/" + id)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }
      }
      """;

  /**
   * Compiled classes and written sources of every fixture in this JVM, beside the projects rather than in
   * them (a scan must not see them), deleted when the JVM exits so test runs leave nothing in the temp folder.
   */
  private static final Path SCRATCH = scratchFolder();

  private final Path root;
  private final Map<String, String> files = new TreeMap<>();
  private OptkitConfig config = OptkitConfig.defaults();

  /** The loops rule with these settings and the caching rule off, so a plan holds the loops' rewrites alone. */
  static OptkitConfig loopsOnly(OptkitConfig.Loops loops) {
    OptkitConfig defaults = OptkitConfig.defaults();
    return new OptkitConfig(defaults.include(), defaults.exclude(), defaults.includeTests(),
        Map.of("CacheableReadMethod", new OptkitConfig.RuleSettings(false, null)), defaults.cacheable(),
        defaults.analysis(), defaults.savings(), defaults.clients(), defaults.declaredClients(),
        defaults.cachePolicies(), loops);
  }

  private static Path scratchFolder() {
    try {
      Path folder = Files.createTempDirectory("optkit-fixtures");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a JVM exiting cannot report it; what is left is in the temp folder the OS clears
    }
  }

  MigrationFixture(Path root) {
    this.root = root;
  }

  /**
   * Every file of a project kept under the test resources ({@code /attacks24/e1}), as it is there: the
   * projects hostile reviews wrote, poms and configuration included.
   */
  MigrationFixture resources(String folder) {
    try {
      Path source = Path.of(MigrationFixture.class.getResource(folder).toURI());
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          file(source.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  MigrationFixture java(String source) {
    String pkg = source.lines().filter(l -> l.startsWith("package ")).findFirst()
        .map(l -> l.substring(8, l.indexOf(';')).trim()).orElse("");
    java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?:class|interface|record|enum)\\s+(\\w+)").matcher(source);
    assertTrue(type.find());
    return file("src/main/java/" + pkg.replace('.', '/') + "/" + type.group(1) + ".java", source);
  }

  /**
   * A {@code main} that creates the class once ({@code new Type(arguments)}): a per-object cache
   * with writers is only planned for a class with one object.
   */
  MigrationFixture createdOnce(String qualifiedType, String arguments) {
    String pkg = qualifiedType.substring(0, qualifiedType.lastIndexOf('.'));
    String simple = qualifiedType.substring(qualifiedType.lastIndexOf('.') + 1);
    return java("""
        package %s;

        public class %sMain {
            public static void main(String[] args) throws Exception {
                System.out.println(new %s(%s));
            }
        }
        """.formatted(pkg, simple, simple, arguments));
  }

  MigrationFixture file(String path, String content) {
    files.put(path, content);
    return this;
  }

  MigrationFixture config(OptkitConfig value) {
    this.config = value;
    return this;
  }

  /** Library jars the scan reads (their bytecode's I/O), as a build's class path gives them. */
  MigrationFixture classpath(List<Path> jars) {
    this.classpath = List.copyOf(jars);
    return this;
  }

  private List<Path> classpath = List.of();

  MigrationPlan plan() {
    return plan(java.util.Set.of());
  }

  /** @param acceptStale methods to cache although a writer cannot evict them (--accept-stale) */
  MigrationPlan plan(java.util.Set<String> acceptStale) {
    return plan(acceptStale, java.util.Set.of());
  }

  /** @param acceptReorder methods whose loops may run remote writes ahead (--accept-reorder) */
  MigrationPlan plan(java.util.Set<String> acceptStale, java.util.Set<String> acceptReorder) {
    return Migration.prepare(root, assess(), config, f -> true, acceptStale, acceptReorder);
  }

  /** The files written to the project's folder, and assessed as migrate assesses them. */
  Assessment assess() {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = root.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Assessor().assess(new Assessor.Options(List.of(root), List.of(), true, classpath, false, 1,
        true, config, "test", null), Assessor.Progress.NONE);
  }

  Path root() {
    return root;
  }

  OptkitConfig config() {
    return config;
  }

  /** The read is not cached, or cached and evicted by {@code writer}: anything else serves stale rows. */
  static void assertNotStale(MigrationPlan plan, String read, String writer) {
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals(read)).findFirst()
        .ifPresent(t -> assertTrue(t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals(writer)),
            read + " cached, evicted only by " + t.evictions().stream().map(e -> e.writer().fact().displayName()).toList()));
  }

  static String after(MigrationPlan plan, String path) {
    return plan.changes().stream().filter(c -> c.path().equals(path)).findFirst()
        .map(c -> new String(c.after(), StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError("no change to " + path + " in " + plan.changes().stream().map(FileChange::path).toList()));
  }

  /** What runs against a bean of the migrated code in a Spring context. */
  interface InContext {
    void run(Object bean, ClassLoader loader) throws Exception;
  }

  /**
   * Compiles the migrated code, starts a Spring context of the plan's {@code OptkitCacheConfig} and the bean's class
   * (the thread's context class loader set to the compiled classes meanwhile) and runs {@code body} against the bean.
   */
  void inSpringContext(MigrationPlan plan, String beanType, InContext body) throws Exception {
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    Path classes = compile(plan);
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
        MigrationFixture.class.getClassLoader());
        org.springframework.context.annotation.AnnotationConfigApplicationContext context =
            new org.springframework.context.annotation.AnnotationConfigApplicationContext()) {
      Thread.currentThread().setContextClassLoader(loader);
      context.setClassLoader(loader);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')), loader.loadClass(beanType));
      context.refresh();
      body.run(context.getBean(loader.loadClass(beanType)), loader);
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  /** Writes every file as the plan leaves it and compiles them all with javac; fails with the diagnostics. */
  void assertCompiles(MigrationPlan plan) throws IOException {
    compile(plan);
  }

  /** {@link #assertCompiles}, giving the folder of the compiled classes. */
  Path compile(MigrationPlan plan) throws IOException {
    return compile(plan, null);
  }

  /** Compiled for a Java release ({@code --release 8}), or for the running JDK's when null. */
  Path compile(MigrationPlan plan, String release) throws IOException {
    return compile(plan, release, List.of());
  }

  /** Compiled against the test's class path and these jars besides (what only a test's own class loader holds). */
  Path compile(MigrationPlan plan, String release, List<Path> moreJars) throws IOException {
    StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
    moreJars.forEach(jar -> classPath.append(java.io.File.pathSeparator).append(jar));
    return compileWithClassPath(plan, release, classPath.toString());
  }

  /** Compiled against these jars alone, not the test's class path: another Spring than the one the tests run on. */
  Path compileAgainstOnly(MigrationPlan plan, String release, List<Path> jars) throws IOException {
    return compileWithClassPath(plan, release, String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList()));
  }

  private Path compileWithClassPath(MigrationPlan plan, String release, String classPath) throws IOException {
    Path out = Files.createTempDirectory(SCRATCH, "compiled");
    List<String> javaFiles = writeAll(plan);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-cp", classPath.toString()));
    if (release != null) {
      arguments.addAll(List.of("--release", release, "-Xlint:-options"));
    }
    arguments.addAll(javaFiles);
    int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    assertEquals("", status == 0 ? "" : diagnostics.toString(StandardCharsets.UTF_8), "the migrated code must compile");
    return out;
  }

  /**
   * Compiled by another JDK's javac for a release the running one may not know ({@code --release 21}
   * on a JDK 17), with nothing on the class path: the files must need only the JDK.
   */
  Path compileWith(Path javaHome, MigrationPlan plan, String release) throws IOException, InterruptedException {
    Path out = Files.createTempDirectory(SCRATCH, "compiled");
    List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/javac").toString(), "-d", out.toString(),
        "-proc:none", "--release", release));
    command.addAll(writeAll(plan));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String diagnostics = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("", javac.waitFor() == 0 ? "" : diagnostics, "the migrated code must compile for Java " + release);
    return out;
  }

  /** Every file as the plan leaves it, in a fresh folder; the Java files' paths. */
  private List<String> writeAll(MigrationPlan plan) throws IOException {
    Path sources = Files.createTempDirectory(SCRATCH, "sources");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = sources.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    for (FileChange change : plan.changes()) {
      Path target = sources.resolve(change.path());
      Files.createDirectories(target.getParent());
      Files.write(target, change.after());
    }
    List<String> javaFiles = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> javaFiles.add(p.toString()));
    }
    return javaFiles;
  }
}
