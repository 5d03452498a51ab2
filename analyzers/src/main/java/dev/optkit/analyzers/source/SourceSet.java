package dev.optkit.analyzers.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java files of a scan, in a stable order, with the source roots and project types the symbol
 * solver needs. Building it reads each file's head for its package line, no parsing.
 */
public final class SourceSet {
  /** Build output and tool folders that are never source. */
  public static final Set<String> SKIPPED_DIRECTORIES =
      Set.of("target", "build", ".git", ".hg", ".svn", ".gradle", ".idea", ".mvn", "node_modules", ".optkit");

  private static final Pattern PACKAGE_LINE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final int HEAD_BYTES = 16 * 1024;
  private static final int FIRST_HEAD_BYTES = 4 * 1024;

  private final List<SourceFile> files;
  private final List<Path> xmlFiles;
  private final List<Path> sqlFiles;
  private final List<Path> yamlAndJsonFiles;
  private final List<String> linkedSources;
  private final List<SkippedEntry> skipped;
  private final Map<String, Path> typeFiles;
  private final Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean changedDuringRun;

  private SourceSet(List<SourceFile> files, List<Path> xmlFiles, List<Path> sqlFiles, List<Path> yamlAndJsonFiles,
      List<String> linkedSources, List<SkippedEntry> skipped) {
    this.files = List.copyOf(files);
    this.linkedSources = List.copyOf(linkedSources);
    this.skipped = List.copyOf(skipped);
    this.yamlAndJsonFiles = List.copyOf(yamlAndJsonFiles);
    this.xmlFiles = List.copyOf(xmlFiles);
    this.sqlFiles = List.copyOf(sqlFiles);
    Map<String, Path> types = new HashMap<>();
    for (SourceFile file : files) {
      types.putIfAbsent(file.primaryType(), file.absolutePath());
    }
    this.typeFiles = Map.copyOf(types);
  }

  /**
   * The sources optkit does not read, relative to the display root: {@code .java} entries that are symbolic links
   * (never followed: a link may lead out of the project; hostile review 38's u7), and Kotlin, Groovy or Scala sources
   * compiled beside the Java ones (u4: in a {@code src} folder or a folder of Java sources). Migrate must not prove a cache while one may hold a writer.
   */
  public List<String> unreadSources() {
    return linkedSources;
  }

  /** What the walk passed over that may hold sources, and why ({@link SkippedEntry}), in path order. */
  public List<SkippedEntry> skipped() {
    return skipped;
  }

  /**
   * Scans the roots (directories or single files).
   *
   * @param excludes globs matched against the path relative to the display root ("**\/generated/**")
   * @param includeTests whether files under {@code src/test/} are part of the scan
   */
  public static SourceSet scan(List<Path> roots, List<String> excludes, boolean includeTests) {
    return scan(roots, List.of(), excludes, includeTests);
  }

  /** @param includes globs a file must match (relative to the display root); empty means every file */
  public static SourceSet scan(List<Path> roots, List<String> includes, List<String> excludes, boolean includeTests) {
    List<Path> absoluteRoots = roots.stream().map(SourceSet::readableRoot).toList();
    Path displayRoot = commonAncestor(absoluteRoots);
    List<PathMatcher> includers = includes.stream().map(SourceSet::glob).toList();
    List<PathMatcher> excluders = excludes.stream().map(SourceSet::glob).toList();
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> xml = new ArrayList<>();
    List<Path> sql = new ArrayList<>();
    List<Path> yamlAndJson = new ArrayList<>();
    List<String> links = new ArrayList<>();
    List<Path> otherLanguage = new ArrayList<>();
    Set<Path> javaFolders = new java.util.HashSet<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    for (Path root : absoluteRoots) {
      walk(root, dir -> {
        Path relative = displayRoot.relativize(dir);
        return !(!includeTests && isTestDirectory(relative)) && !(!dir.equals(root) && matchesAny(excluders, relative));
      }, (path, why) -> {
        if (!matchesAny(excluders, displayRoot.relativize(path))) {
          skipped.add(new SkippedEntry(shown(displayRoot, path), why));
        }
      }, (file, attrs) -> {
        if (!matchesAny(excluders, displayRoot.relativize(file))) {
          SkippedEntries.of(file, attrs).ifPresent(why -> skipped.add(new SkippedEntry(shown(displayRoot, file), why)));
        }
        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".xml")) {
          xml.add(file);
        }
        if (attrs.isRegularFile() && SqlScriptFiles.isSqlScript(file, attrs)) {
          sql.add(file);
        }
        if (attrs.isRegularFile() && isYamlOrJson(file)) {
          yamlAndJson.add(file);
        }
        if (attrs.isRegularFile() && otherJvmLanguage(file.getFileName().toString())
            && !matchesAny(excluders, displayRoot.relativize(file))) {
          otherLanguage.add(file);
        }
        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java") && file.getParent() != null) {
          javaFolders.add(file.getParent());
        }
        if (attrs.isSymbolicLink() && file.getFileName().toString().endsWith(".java")
            && !matchesAny(excluders, displayRoot.relativize(file))) {
          links.add(displayRoot.relativize(file).toString().replace('\\', '/'));
        }
        if (attrs.isRegularFile()
            && file.getFileName().toString().endsWith(".java")
            && !matchesAny(excluders, displayRoot.relativize(file))
            && (includers.isEmpty() || matchesAny(includers, displayRoot.relativize(file)))) {
          seen.add(file);
        }
      });
    }
    // reading each file's head for its package line is I/O and a scan of the head: on all cores
    List<SourceFile> files = new ArrayList<>(new ArrayList<>(seen).parallelStream()
        .map(file -> describe(displayRoot, file)).toList());
    files.sort(Comparator.comparing(SourceFile::relativePath));
    sql.sort(Comparator.naturalOrder());
    yamlAndJson.sort(Comparator.naturalOrder());
    otherLanguage.stream().filter(file -> compiledSource(displayRoot, file, javaFolders))
        .forEach(file -> links.add(displayRoot.relativize(file).toString().replace('\\', '/')));
    links.sort(Comparator.naturalOrder());
    skipped.sort(Comparator.comparing(SkippedEntry::path));
    return new SourceSet(files, List.copyOf(xml), List.copyOf(sql), List.copyOf(yamlAndJson), List.copyOf(links),
        skipped);
  }

  /**
   * A glob as a matcher, or an {@code IllegalArgumentException} that names it and says what is wrong
   * (a usage error, never an internal one).
   */
  public static PathMatcher glob(String glob) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid glob '" + glob + "': " + e.getDescription(), e);
    }
  }

  /**
   * The folder a root names: the root itself, as given, or the folder of a file, absolute. A file
   * given by a relative name ({@code A.java}, run in its folder) has no parent of its own; its
   * absolute path does.
   */
  public static Path folderOf(Path root) {
    return Files.isDirectory(root) ? root : root.toAbsolutePath().normalize().getParent();
  }

  /**
   * A root as given, absolute; a symbolic link is followed, so a linked project is scanned like the
   * folder it points to. An unreadable root is an {@code IllegalArgumentException}: scanning it
   * would report "0 files" as if the project were empty.
   */
  public static Path readableRoot(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      throw new IllegalArgumentException("no such file or directory: " + absolute);
    }
    try {
      Path real = Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
      if (!Files.isReadable(real) || Files.isDirectory(real) && !Files.isExecutable(real)) {
        throw new IllegalArgumentException("cannot read " + absolute + ": permission denied");
      }
      if (Files.isDirectory(real)) {
        try (var listing = Files.list(real)) {
          var unused = listing.findFirst(); // reading one entry proves the folder can be listed
        }
      }
      return real;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + absolute + ": " + e.getMessage(), e);
    }
  }

  /**
   * Walks a tree the way every scan does: build output and tool folders are never entered,
   * unreadable entries are passed over.
   *
   * @param enter whether to descend into a directory (beyond the skipped ones)
   */
  public static void walk(Path root, java.util.function.Predicate<Path> enter,
      java.util.function.BiConsumer<Path, BasicFileAttributes> visit) {
    walk(root, enter, (path, why) -> {}, visit);
  }

  /**
   * {@link #walk(Path, java.util.function.Predicate, java.util.function.BiConsumer)}, told of each entry it
   * cannot enter or read ({@link SkippedEntry.Why#UNREADABLE}, {@link SkippedEntry.Why#PATH_TOO_LONG}).
   */
  public static void walk(Path root, java.util.function.Predicate<Path> enter,
      java.util.function.BiConsumer<Path, SkippedEntry.Why> failed,
      java.util.function.BiConsumer<Path, BasicFileAttributes> visit) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && skipped(dir) && !packageFolder(root, dir)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return enter.test(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          visit.accept(file, attrs);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          failed.accept(file, SkippedEntries.failure(file));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
          if (exc != null) { // a folder that cannot be listed to its end (/proc/1/map_files) is skipped like a file
            failed.accept(dir, SkippedEntries.failure(dir));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /**
   * Build output is never source, except the sources generated into {@code target/generated-sources}
   * (OpenAPI interfaces carrying the mappings their controllers implement): read, never edited.
   */
  private static boolean skipped(Path dir) {
    String name = dir.getFileName().toString();
    Path parent = dir.getParent();
    if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("target")) {
      return !name.equals(GENERATED_SOURCES);
    }
    if (name.equals("target")) {
      return !Files.isDirectory(dir.resolve(GENERATED_SOURCES));
    }
    return SKIPPED_DIRECTORIES.contains(name);
  }

  private static final String GENERATED_SOURCES = "generated-sources";

  /** Folders whose sources a build compiles: Maven's and Gradle's source sets, Grails's and Play's application code. */
  private static final Set<String> COMPILED_FOLDERS = Set.of("src", "grails-app", "app");

  /**
   * Whether a source of another JVM language is one a build compiles: in a source folder, which Maven's and Gradle's
   * source sets keep under a {@code src} folder ({@code src/main/groovy}, {@code src/main/kotlin}), Grails under
   * {@code grails-app} and Play under {@code app}, or beside Java sources. A pipeline script at the top of a
   * repository ({@code Jenkinsfile-smoke.groovy}: a blind trial's) or a folder of scripts is compiled into no
   * application.
   */
  private static boolean compiledSource(Path displayRoot, Path file, Set<Path> javaFolders) {
    if (javaFolders.contains(file.getParent())) {
      return true;
    }
    for (Path name : displayRoot.relativize(file)) {
      if (COMPILED_FOLDERS.contains(name.toString())) {
        return true;
      }
    }
    return false;
  }

  /** A source file of another JVM language: compiled into the same application, read by no analysis here. */
  private static boolean otherJvmLanguage(String name) {
    return name.endsWith(".kt") || name.endsWith(".groovy") || name.endsWith(".scala");
  }

  /**
   * A folder named like build output inside a source tree ({@code src/main/java/shop/build/}) is a package: its
   * classes are code like any other (hostile review 38's u1, u2: a writer in package {@code shop.build} went unread,
   * and its reads were cached with no eviction). Build output is never below a {@code src} folder of the project.
   */
  private static boolean packageFolder(Path root, Path dir) {
    String name = dir.getFileName().toString();
    if (!name.equals("build") && !name.equals("target")) {
      return false;
    }
    for (Path at = dir.getParent(); at != null && !at.equals(root); at = at.getParent()) {
      if (at.getFileName() != null && at.getFileName().toString().equals("src")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a path (relative, forward slashes) is generated into build output: analysed, never reported or edited. */
  public static boolean isGeneratedPath(String path) {
    String unix = path.startsWith("/") ? path : "/" + path;
    return unix.contains("/target/" + GENERATED_SOURCES + "/");
  }

  private static boolean isTestDirectory(Path relative) {
    return isTestPath(relative.toString().replace('\\', '/') + "/");
  }

  /** Whether a path (relative, forward slashes) is in test, test-fixture or benchmark sources. */
  public static boolean isTestPath(String path) {
    // each "src/" that starts the path or follows a '/', and the folder after it: one scan of the path, as the
    // planner asks this of every method and file (a scan per test folder was a twelfth of a planner's run)
    for (int at = path.indexOf("src/"); at >= 0; at = path.indexOf("src/", at + 4)) {
      if (at > 0 && path.charAt(at - 1) != '/') {
        continue;
      }
      int folder = at + 4;
      int end = path.indexOf('/', folder);
      if (end > folder && testSourceSet(path.substring(folder, end))) {
        return true;
      }
    }
    return antTestRoot(path);
  }

  /**
   * Ant's and Eclipse's layout: a module's tests in a {@code test} or {@code tests} folder beside its {@code src}
   * ({@code model/test/com/acme/UpdateSchema.java}; a trial's Ant/Ivy application had its schema tool reported as a
   * production query), or beside a module's sources in a capitalised module folder below a source folder
   * ({@code src/Common/test/...}). Otherwise, after a source folder ({@code src}, {@code java}...), {@code test} is a
   * package ({@code src/com/acme/test/Fixtures.java} is production). An absolute path is not read
   * this way: the folders above the scanned root are the user's, not the project's.
   */
  private static boolean antTestRoot(String path) {
    if (path.startsWith("/") || path.length() > 1 && path.charAt(1) == ':') {
      return false;
    }
    int start = 0;
    boolean afterSources = false;
    for (int end = path.indexOf('/'); end >= 0; start = end + 1, end = path.indexOf('/', start)) {
      String folder = path.substring(start, end);
      if (afterSources) {
        // src/Common/test: a folder below a source folder named with a capital is a module's, not a package (Java's
        // packages are lower case, JLS 6.1): its test folder is the module's tests (a trial's Ant build kept each
        // module in src/<Module>, and its tests' loops were reported as production code)
        if (folder.isEmpty() || !Character.isUpperCase(folder.charAt(0))) {
          return false;
        }
        afterSources = false;
        continue;
      }
      if (ANT_TEST_FOLDERS.contains(folder)) {
        return true;
      }
      afterSources = SOURCE_FOLDERS.contains(folder);
    }
    return false;
  }

  /** A module's test sources and the helpers only its tests use, in Ant's and Eclipse's layouts. */
  private static final Set<String> ANT_TEST_FOLDERS = Set.of("test", "tests", "testutils", "testutil", "test-utils",
      "testsupport", "test-support");

  /** Folders below which a {@code test} folder is a package, not a source root. */
  private static final Set<String> SOURCE_FOLDERS = Set.of("src", "source", "sources", "java", "main", "kotlin",
      "groovy", "scala", "resources", "webapp", "generated-sources", "gen");

  // the source sets Gradle's and Maven's conventions and plugins use for tests (src/it: maven-invoker's and
  // failsafe's projects; the survey of issue 24 found integration-test and functionalTest code reported as main)
  private static final Set<String> TEST_FOLDERS = Set.of("test", "testFixtures", "integrationTest",
      "integration-test", "intTest", "functionalTest", "e2eTest", "componentTest", "it", "jmh");

  /**
   * A source set of tests: one of those, or one named as Gradle's test suites are ({@code contractTest},
   * {@code acceptanceTests}, {@code smoke-test}: a trial found a contract test's Mockito stubs reported as production
   * queries).
   */
  private static boolean testSourceSet(String folder) {
    if (TEST_FOLDERS.contains(folder) || folder.endsWith("Test") || folder.endsWith("Tests")
        || folder.endsWith("-test") || folder.endsWith("-tests") || folder.endsWith("_test")) {
      return true;
    }
    // Gradle's suites in lower case (a trial's src/integrationtest); not any word ending so (src/latest)
    String lower = folder.toLowerCase(java.util.Locale.ROOT);
    return LOWER_CASE_SUITES.contains(lower.endsWith("tests") ? lower.substring(0, lower.length() - 1) : lower);
  }

  private static final Set<String> LOWER_CASE_SUITES = Set.of("integrationtest", "functionaltest", "acceptancetest",
      "systemtest", "componenttest", "contracttest", "smoketest", "e2etest", "endtoendtest", "performancetest",
      "loadtest", "apitest", "uitest");

  private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
    for (PathMatcher matcher : matchers) {
      if (matcher.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A file met on the scan of these roots as findings name it: relative to the roots' common folder, forward slashes,
   * a name the encoding cannot hold escaped (a finding in a schema script).
   */
  public static String shown(List<Path> roots, Path file) {
    return shown(commonAncestor(roots.stream().map(SourceSet::readableRoot).toList()), file);
  }

  /**
   * The folder the findings' paths of a scan of these roots are relative to: their nearest common folder (a file's
   * own folder for one file). Whatever resolves a finding's path in the tree (migrate's planner) starts there.
   */
  public static Path displayRoot(List<Path> roots) {
    return commonAncestor(roots.stream().map(SourceSet::readableRoot).toList());
  }

  /** A path as warnings show it: relative to the display root, a name the encoding cannot hold escaped. */
  private static String shown(Path displayRoot, Path path) {
    String relative = displayRoot.relativize(path).toString().replace('\\', '/');
    return relative.indexOf(SkippedEntries.REPLACEMENT) < 0 ? relative : SkippedEntries.escaped(displayRoot, path);
  }

  private static SourceFile describe(Path displayRoot, Path file) {
    String relative = displayRoot.relativize(file).toString().replace('\\', '/');
    if (relative.isEmpty()) {
      relative = file.getFileName().toString();
    }
    String fileName = file.getFileName().toString();
    String simpleName = fileName.substring(0, fileName.length() - ".java".length());
    String packageName = readPackage(file);
    String primaryType = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    return new SourceFile(file, relative, primaryType);
  }

  static String readPackage(Path file) {
    try (var in = Files.newInputStream(file)) {
      // the package line comes before any type: only the text up to the first ';' outside comments
      // can hold it (package-info's annotations have none), so strip comments only that far. Most files
      // have it within their first kilobytes, past a licence: the rest of the head is read only when not
      byte[] head = in.readNBytes(FIRST_HEAD_BYTES);
      String text = new String(head, StandardCharsets.UTF_8);
      int end = firstStatementEnd(text);
      if (end == text.length() && head.length == FIRST_HEAD_BYTES) {
        byte[] rest = in.readNBytes(HEAD_BYTES - FIRST_HEAD_BYTES);
        byte[] whole = java.util.Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, whole, head.length, rest.length);
        text = new String(whole, StandardCharsets.UTF_8);
        end = firstStatementEnd(text);
      }
      Matcher matcher = PACKAGE_LINE.matcher(stripComments(text.substring(0, end)));
      return matcher.find() ? matcher.group(1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** One past the first ';' outside comments (the end of the package or first import line), or the text's end. */
  private static int firstStatementEnd(String text) {
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (text.charAt(i) == ';') {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** The text with each comment replaced by a space (line breaks kept, so lines stay lines). */
  static String stripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
        out.append(' ');
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
        out.append(' ');
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private static Path commonAncestor(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no paths to scan");
    }
    Path common = Files.isDirectory(paths.get(0)) ? paths.get(0) : paths.get(0).getParent();
    for (Path path : paths) {
      while (common != null && !path.startsWith(common)) {
        common = common.getParent();
      }
    }
    return common == null ? Path.of("/") : common;
  }

  /**
   * A file's content hash, taken once per run (or remembered from the last, by the file's status):
   * the assessment cache's key takes every file's, and the facts cache then looks a file up by it
   * without reading the file again.
   */
  public String hash(SourceFile file, dev.optkit.analyzers.io.FileHashes remembered) throws java.io.IOException {
    String known = hashes.get(file.relativePath());
    if (known == null) {
      known = remembered.sha256(file.absolutePath());
      hashes.put(file.relativePath(), known);
    }
    return known;
  }

  /** A file was read with other content than {@link #hash} took of it: the run answers for neither. */
  public void markChangedDuringRun() {
    changedDuringRun = true;
  }

  public boolean changedDuringRun() {
    return changedDuringRun;
  }

  /** The hash {@link #hash} took of this file in this run, or null. */
  public String knownHash(SourceFile file) {
    return hashes.get(file.relativePath());
  }

  public List<SourceFile> files() {
    return files;
  }

  /** XML files met on the same walk (MyBatis mappers are among them), in walk order. */
  /** SQL scripts (schema.sql, migrations): the views they create tell which tables a view reads. */
  public List<Path> sqlFiles() {
    return sqlFiles;
  }

  /** YAML and JSON files (Liquibase changelogs may be written in either), in a stable order. */
  public List<Path> yamlAndJsonFiles() {
    return yamlAndJsonFiles;
  }

  private static boolean isYamlOrJson(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  public List<Path> xmlFiles() {
    return xmlFiles;
  }

  /** Project types by qualified name of the file that declares them (one top-level type per file). */
  public Map<String, Path> typeFiles() {
    return typeFiles;
  }
}
