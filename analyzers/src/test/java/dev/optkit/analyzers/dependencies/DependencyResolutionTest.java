package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.facts.ParseProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose dependencies are in no local repository: assess resolves them, their own
 * dependencies and the BOM that manages their version from a repository the project's pom names
 * (served here on loopback), and finds what it finds with the jars present. Offline, or with a
 * repository that refuses or never answers, the scan goes on with a warning naming what is missing.
 */
class DependencyResolutionTest {
  @TempDir Path temp;
  private Path remote;
  private Path vendorJar;
  private Path wireJar;

  /** A vendor session class extends the vendor's wire client, whose fetch opens a socket (a remote call). */
  @BeforeEach
  void libraries() throws IOException {
    remote = temp.resolve("remote");
    Files.createDirectories(temp.resolve("jars"));
    wireJar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jars/wire-1.0.jar"), Map.of(
        "com/acme/wire/Wire.java", """
            package com.acme.wire;
            public class Wire {
              public String fetch(String host) throws java.io.IOException {
                try (java.net.Socket socket = new java.net.Socket(host, 80)) {
                  return socket.getInetAddress().toString();
                }
              }
              public String label(String host) { return "wire:" + host.trim(); }
            }
            """));
    vendorJar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jars/vendor-1.0.jar"), Map.of(
        "com/acme/vendor/VendorSession.java", """
            package com.acme.vendor;
            public class VendorSession extends com.acme.wire.Wire {
              public VendorSession() {}
            }
            """), wireJar);
    LoopbackRepository.install(remote, "com.acme", "wire", "1.0",
        LoopbackRepository.pom("com.acme", "wire", "1.0", "jar", ""), wireJar);
    LoopbackRepository.install(remote, "com.acme", "vendor", "1.0", LoopbackRepository.pom("com.acme", "vendor", "1.0",
        "jar", "<dependencies><dependency><groupId>com.acme</groupId><artifactId>wire</artifactId>"
            + "<version>1.0</version></dependency></dependencies>"), vendorJar);
    LoopbackRepository.install(remote, "com.acme", "acme-bom", "1.0", LoopbackRepository.pom("com.acme", "acme-bom",
        "1.0", "pom", "<dependencyManagement><dependencies><dependency><groupId>com.acme</groupId>"
            + "<artifactId>vendor</artifactId><version>1.0</version></dependency></dependencies>"
            + "</dependencyManagement>"), null);
  }

  /** The project: its pom names the vendor without a version (the BOM it imports has it) and the repository. */
  private Path project(String repositoryUrl) throws IOException {
    Path root = temp.resolve("shop");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("pom.xml"), LoopbackRepository.pom("app", "shop", "1", "jar", """
        <repositories><repository><id>acme</id><url>%s</url></repository></repositories>
        <dependencyManagement><dependencies><dependency>
          <groupId>com.acme</groupId><artifactId>acme-bom</artifactId><version>1.0</version>
          <type>pom</type><scope>import</scope>
        </dependency></dependencies></dependencyManagement>
        <dependencies><dependency><groupId>com.acme</groupId><artifactId>vendor</artifactId></dependency></dependencies>
        """.formatted(repositoryUrl)));
    Files.writeString(root.resolve("src/main/java/app/Shop.java"), """
        package app;
        import com.acme.vendor.VendorSession;
        import java.util.List;
        public class Shop {
          private final VendorSession session = new VendorSession();
          public void each(List<String> hosts) throws Exception {
            for (String host : hosts) {
              session.fetch(host);
            }
          }
          public String label(String host) { return session.label(host); }
          public int twice(int value) { return value * 2; }
          public String around(com.acme.wire.Wire wire, String host) throws Exception { return wire.fetch(host); }
        }
        """);
    return root;
  }

  @Test
  void missingDependenciesAreResolvedFromTheRepositoryThePomNamesAndGiveTheSameFindings() throws Exception {
    // the reference: the same artifacts already in the user's local repository, read offline
    Path m2 = temp.resolve("m2");
    copyTree(remote, m2);
    Path atHome = project("http://127.0.0.1:9/unused/");
    Assessment home = assess(atHome, List.of(), Untimed.settings(true, temp.resolve("unused"), List.of(m2),
        "http://127.0.0.1:9/", false));
    List<String> present = lines(home);
    assertEquals(List.of(), home.warnings());
    assertTrue(present.stream().anyMatch(l -> l.startsWith("SequentialIoLoop 7 ")), present.toString());
    assertTrue(present.stream().anyMatch(l -> l.startsWith("RemoteApiCall 8 com.acme.vendor.VendorSession")),
        present.toString());
    // near-misses: a pure method of the client, a local computation; and a call on a type of a jar the
    // project does not declare (it came with the vendor's): looked up only through what the project declares
    assertEquals(2, present.size(), present.toString());

    try (LoopbackRepository repository = new LoopbackRepository(remote);
         LoopbackRepository central = new LoopbackRepository(temp.resolve("central"))) {
      Path root = project(repository.url());
      Path cache = temp.resolve("optkit-repository");
      Told told = new Told();
      Assessment resolved = assess(root, List.of(), settings(false, cache, central.url()).withListener(told));
      assertEquals(present, lines(resolved));
      assertEquals(List.of(), resolved.warnings());
      // what assess says on stderr as the resolution runs: the one pom, the vendor's jar and the wire jar it brings
      // fetched (the time it took is said, not checked)
      assertEquals(List.of(new ResolutionSettings.Started(1, false)), told.started);
      assertEquals(List.of("2 jars, 2 fetched, stopped false"), told.ended());
      assertTrue(told.ends.get(0).fetchedBytes() > 0, told.ends.toString());
      assertTrue(Files.isRegularFile(cache.resolve("com/acme/wire/1.0/wire-1.0.jar")), "the transitive jar is fetched");
      assertTrue(repository.requests().contains("GET /com/acme/acme-bom/1.0/acme-bom-1.0.pom"), repository.requests().toString());

      // remembered, sealed: a planted memo (a jar list naming anything) is dropped and the resolution done again
      List<Path> memos = memos(cache);
      assertEquals(1, memos.size(), memos.toString());
      // remembered: a resolution is not run, so nothing is said
      Told remembered = new Told();
      assertEquals(present, lines(assess(root, List.of(), settings(false, cache, central.url()).withListener(remembered))));
      assertEquals(List.of(), remembered.started);
      Files.writeString(memos.get(0), "{\"jars\":[\"/etc/passwd\"],\"declared\":[]}");
      assertEquals(present, lines(assess(root, List.of(), settings(false, cache, central.url()))));
      assertTrue(Files.readString(memos.get(0), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("optkit-sealed"));

      // again, offline, from what the first run fetched: the same findings, nothing asked of any repository
      int asked = repository.requests().size();
      Told offline = new Told();
      Assessment again = assess(root, List.of(), settings(true, cache, central.url()).withListener(offline));
      assertEquals(present, lines(again));
      assertEquals(List.of(), again.warnings());
      assertEquals(asked, repository.requests().size());
      assertEquals(List.of(), offline.started, "the online run's resolution is remembered for an offline one too");
    }

    // jars the user names are all looked up: the call on the vendor's Wire is one more remote call
    List<String> named = lines(assess(project("http://127.0.0.1:9/unused/"), List.of(vendorJar, wireJar), null));
    assertTrue(named.stream().anyMatch(l -> l.startsWith("RemoteApiCall 13 com.acme.wire.Wire")), named.toString());
  }

  /** What a resolution told its listener. */
  private static final class Told implements ResolutionSettings.Listener {
    final List<ResolutionSettings.Started> started = new java.util.ArrayList<>();
    final List<ResolutionSettings.Ended> ends = new java.util.ArrayList<>();

    @Override
    public void started(ResolutionSettings.Started start) {
      started.add(start);
    }

    @Override
    public void ended(ResolutionSettings.Ended end) {
      ends.add(end);
    }

    List<String> ended() {
      return ends.stream().map(e -> e.jars() + " jars, " + e.fetchedJars() + " fetched, stopped " + e.stopped())
          .toList();
    }
  }

  /**
   * The modules' graphs are collected at once, and what each found is kept in module order whichever ends first: the
   * first module's vendor pom is answered only after the second module's wire jar, so the second ends first.
   */
  @Test
  void modulesCollectedAtOnceKeepTheirOrder() throws Exception {
    try (LoopbackRepository repository = new LoopbackRepository(remote)) {
      Path root = temp.resolve("modules");
      String repositories = "<repositories><repository><id>acme</id><url>" + repository.url()
          + "</url></repository></repositories>";
      Files.createDirectories(root.resolve("a"));
      Files.createDirectories(root.resolve("b"));
      Files.writeString(root.resolve("pom.xml"), LoopbackRepository.pom("app", "parent", "1", "pom",
          "<modules><module>a</module><module>b</module></modules>"));
      Files.writeString(root.resolve("a/pom.xml"), LoopbackRepository.pom("app", "a", "1", "jar", repositories
          + "<dependencies><dependency><groupId>com.acme</groupId><artifactId>vendor</artifactId>"
          + "<version>1.0</version></dependency></dependencies>"));
      Files.writeString(root.resolve("b/pom.xml"), LoopbackRepository.pom("app", "b", "1", "jar", repositories
          + "<dependencies><dependency><groupId>com.acme</groupId><artifactId>wire</artifactId>"
          + "<version>1.0</version></dependency></dependencies>"));
      repository.holdUntilServed("/com/acme/vendor/1.0/vendor-1.0.pom", "/com/acme/wire/1.0/wire-1.0.jar");
      Path cache = temp.resolve("modules-repository");
      DependencyResolver.Resolved resolved = DependencyResolver.resolve(
          List.of(root.resolve("pom.xml"), root.resolve("a/pom.xml"), root.resolve("b/pom.xml")), root, List.of(),
          settings(false, cache, "http://127.0.0.1:9/"));
      assertEquals(List.of(), resolved.warnings());
      assertEquals(List.of("vendor-1.0.jar", "wire-1.0.jar"),
          resolved.jars().stream().map(jar -> jar.getFileName().toString()).toList(), "a's jars first, as a is first");
      List<String> asked = repository.requests();
      assertTrue(asked.indexOf("GET /com/acme/wire/1.0/wire-1.0.jar") < asked.indexOf(
          "GET /com/acme/vendor/1.0/vendor-1.0.jar"), "b's jar came first: " + asked);
    }
  }

  private static List<Path> memos(Path repository) throws IOException {
    Path folder = repository.resolve(".optkit-resolutions");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  /**
   * A dependency declared without a version, which the resolver gave at its BOM's version, is not guessed again from
   * the local repository's newest (a Boot 2.7 project seemed to run Flyway 13.12.1 beside its 8.5.13, left in ~/.m2 by
   * another build, and migrate refused it for a lock only Flyway 9.1 and later take). Near miss: with nothing
   * resolved (no resolver), the local newest is still the guess.
   */
  @Test
  void aResolvedArtifactIsNotGuessedAgainFromTheLocalRepository() throws Exception {
    Path local = temp.resolve("m2");
    Path newer = local.resolve("com/acme/vendor/2.0/vendor-2.0.jar");
    Files.createDirectories(newer.getParent());
    Files.copy(vendorJar, newer);
    try (LoopbackRepository central = new LoopbackRepository(remote)) {
      Path root = project(central.url());
      List<String> resolved = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), local,
          settings(false, temp.resolve("r"), central.url())).jars().stream()
          .map(jar -> jar.getFileName().toString()).filter(name -> name.startsWith("vendor")).toList();
      assertEquals(List.of("vendor-1.0.jar"), resolved);
      assertEquals(List.of("vendor-2.0.jar"), dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(),
          List.of(root), local, null).jars().stream().map(jar -> jar.getFileName().toString()).toList());
    }
  }

  @Test
  void aPomWhoseParentIsNowhereStillHasTheDependenciesItDeclaresWithAVersion() throws Exception {
    Path root = project("http://127.0.0.1:9/unused/");
    Files.writeString(root.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.corp</groupId><artifactId>corp-parent</artifactId><version>7</version><relativePath/></parent>
          <artifactId>shop</artifactId>
          <properties><vendor.version>1.0</vendor.version></properties>
          <dependencies>
            <dependency><groupId>com.acme</groupId><artifactId>vendor</artifactId><version>${vendor.version}</version></dependency>
            <dependency><groupId>com.corp</groupId><artifactId>corp-logging</artifactId></dependency>
          </dependencies>
        </project>
        """);
    try (LoopbackRepository central = new LoopbackRepository(remote)) {
      Assessment assessment = assess(root, List.of(), settings(false, temp.resolve("r"), central.url()));
      assertTrue(lines(assessment).stream().anyMatch(l -> l.startsWith("SequentialIoLoop 7 ")), lines(assessment).toString());
      assertEquals(1, assessment.warnings().size(), assessment.warnings().toString());
      assertTrue(assessment.warnings().get(0).message().startsWith("the pom cannot be built")
          && assessment.warnings().get(0).message().contains("com.corp:corp-parent:pom:7"), assessment.warnings().toString());
    }
  }

  /**
   * A dependency whose own pom the resolver cannot read (a system path on a property it does not have) brings none of
   * its dependencies, as Maven's session ignores such a pom without an error: said in one warning naming it and why. A
   * trial's kubernetes-api (its parent's {@code ${java.home}/../lib/tools.jar}) brought none of the fabric8 client's
   * jars and nothing said so; {@code java.home} is the machine's since, as for the project's own poms (the near miss).
   */
  @Test
  void aDependencyWhosePomCannotBeReadIsNamedAsBringingNoneOfItsOwn() throws Exception {
    for (String version : List.of("1.1", "1.2")) {
      String home = version.equals("1.1") ? "${java.home}" : "${no.such.home}";
      LoopbackRepository.install(remote, "com.acme", "vendor", version, LoopbackRepository.pom("com.acme", "vendor",
          version, "jar", "<dependencyManagement><dependencies><dependency><groupId>com.sun</groupId>"
              + "<artifactId>tools</artifactId><version>1</version><scope>system</scope><systemPath>" + home
              + "/../lib/tools.jar</systemPath></dependency></dependencies></dependencyManagement>"
              + "<dependencies><dependency><groupId>com.acme</groupId><artifactId>wire</artifactId>"
              + "<version>1.0</version></dependency></dependencies>"), vendorJar);
    }
    for (String version : List.of("1.1", "1.2")) {
      try (LoopbackRepository central = new LoopbackRepository(remote)) {
        Path root = project(central.url());
        Files.writeString(root.resolve("pom.xml"), Files.readString(root.resolve("pom.xml"))
            .replace("<artifactId>vendor</artifactId></dependency>",
                "<artifactId>vendor</artifactId><version>" + version + "</version></dependency>"));
        Assessment assessment = assess(root, List.of(), settings(false, temp.resolve("r" + version), central.url()));
        List<ParseProblem> unread = assessment.warnings().stream()
            .filter(w -> w.message().startsWith("dependencies whose pom optkit could not read")).toList();
        if (version.equals("1.1")) {
          assertEquals(List.of(), assessment.warnings(), "java.home is the machine's");
          continue;
        }
        assertEquals(List.of("pom.xml"), unread.stream().map(ParseProblem::path).toList(), assessment.warnings().toString());
        assertTrue(unread.get(0).message().contains("com.acme:vendor:jar:1.2")
            && unread.get(0).message().contains("systemPath"), unread.toString());
      }
    }
  }

  /**
   * Trial 58's TeamC pom: a jar kept in the repository, {@code <systemPath>${basedir}/lib/x.jar</systemPath>}, which
   * Maven builds (it puts the pom's folder in ${basedir}); read without the pom's place, the model builder said the
   * path was not absolute and the pom "cannot be built", so none of its dependencies were resolved.
   */
  @Test
  void aSystemPathUnderTheProjectsBasedirDoesNotStopThePomBeingBuilt() throws Exception {
    try (LoopbackRepository central = new LoopbackRepository(remote)) {
      Path root = project(central.url());
      String pom = Files.readString(root.resolve("pom.xml"));
      Files.writeString(root.resolve("pom.xml"), pom.replace("<dependencies><dependency>", """
          <dependencies><dependency><groupId>com.vendor</groupId><artifactId>kept</artifactId><version>1.0</version>
            <scope>system</scope><systemPath>${basedir}/lib/kept-1.0.jar</systemPath></dependency><dependency>"""));
      Assessment assessment = assess(root, List.of(), settings(false, temp.resolve("r"), central.url()));
      assertEquals(List.of(), assessment.warnings(), "the pom is built as Maven builds it");
      assertTrue(lines(assessment).stream().anyMatch(l -> l.startsWith("SequentialIoLoop 7 ")), lines(assessment).toString());
    }
  }

  /** With the pom's place given to Maven (above), a parent beside the project is still not read: only the project is. */
  @Test
  void aParentOutsideTheProjectIsNotReadFromThere() throws Exception {
    try (LoopbackRepository central = new LoopbackRepository(remote)) {
      Path root = project(central.url());
      Files.createDirectories(temp.resolve("outside"));
      Files.writeString(temp.resolve("outside/pom.xml"), LoopbackRepository.pom("com.corp", "outside-parent", "3", "pom",
          ""));
      String pom = Files.readString(root.resolve("pom.xml"));
      Files.writeString(root.resolve("pom.xml"), pom.replace("<modelVersion>4.0.0</modelVersion>",
          "<modelVersion>4.0.0</modelVersion><parent><groupId>com.corp</groupId><artifactId>outside-parent</artifactId>"
              + "<version>3</version><relativePath>../outside/pom.xml</relativePath></parent>"));
      Assessment assessment = assess(root, List.of(), settings(false, temp.resolve("r"), central.url()));
      // the warning names the relativePath that was not read, not Maven's "points at wrong local POM" (it was not
      // looked at); said once
      assertEquals(List.of("pom.xml"), assessment.warnings().stream().map(ParseProblem::path).toList(),
          assessment.warnings().toString());
      assertTrue(assessment.warnings().get(0).message().startsWith("the pom cannot be built")
          && assessment.warnings().get(0).message().contains("com.corp:outside-parent:3")
          && assessment.warnings().get(0).message().contains("../outside/pom.xml"), assessment.warnings().toString());
    }
  }

  /**
   * A module scanned alone in a clone ({@code optkit assess samples/plain-java-service}, the README's first command):
   * its parent is the clone's pom above it, which Maven reads through relativePath. On a machine where that parent
   * was never installed, optkit said "Non-resolvable parent POM" (twice) about the bundled sample; now the parent is
   * read from the git work tree holding the project, and only its {@code pom.xml} files.
   */
  @Test
  void aParentAboveTheProjectInItsGitWorkTreeIsReadFromThere() throws Exception {
    try (LoopbackRepository repository = new LoopbackRepository(remote);
         LoopbackRepository central = new LoopbackRepository(temp.resolve("central"))) {
      Path clone = temp.resolve("clone");
      Files.createDirectories(clone.resolve(".git"));
      // the parent names the repository and imports the BOM that has the vendor's version
      Files.writeString(clone.resolve("pom.xml"), LoopbackRepository.pom("com.corp", "clone-parent", "3", "pom", """
          <repositories><repository><id>acme</id><url>%s</url></repository></repositories>
          <dependencyManagement><dependencies><dependency>
            <groupId>com.acme</groupId><artifactId>acme-bom</artifactId><version>1.0</version>
            <type>pom</type><scope>import</scope>
          </dependency></dependencies></dependencyManagement>
          """.formatted(repository.url())));
      Path service = shopUnder(clone.resolve("services/shop"), "<relativePath>../../pom.xml</relativePath>");
      Assessment assessment = assess(service, List.of(), settings(false, temp.resolve("r"), central.url()));
      assertEquals(List.of(), assessment.warnings(), "the parent is read from the clone");
      assertTrue(lines(assessment).stream().anyMatch(l -> l.startsWith("SequentialIoLoop 7 ")), lines(assessment).toString());

      // the parent is an input of the remembered resolution: changed, the module resolves again
      Files.writeString(clone.resolve("pom.xml"), LoopbackRepository.pom("com.corp", "clone-parent", "3", "pom", ""));
      Assessment changed = assess(service, List.of(), settings(false, temp.resolve("r"), central.url()));
      assertTrue(changed.warnings().stream().anyMatch(w -> w.message().contains("com.acme:vendor")),
          "no version without the parent's BOM: " + changed.warnings());

      // no git work tree above: the project alone is read, and the warning says the parent was not read
      Files.delete(clone.resolve(".git"));
      Assessment alone = assess(service, List.of(), settings(false, temp.resolve("r2"), central.url()));
      assertEquals(1, alone.warnings().size(), alone.warnings().toString());
      assertTrue(alone.warnings().get(0).message().contains("com.corp:clone-parent:3")
          && alone.warnings().get(0).message().contains("../../pom.xml"), alone.warnings().toString());
    }
  }

  /** Above the project, inside the work tree, a relativePath to a file not named pom.xml is not read. */
  @Test
  void aboveTheProjectOnlyAPomXmlIsReadAsAParent() throws Exception {
    try (LoopbackRepository central = new LoopbackRepository(temp.resolve("central"))) {
      Path clone = temp.resolve("clone");
      Files.createDirectories(clone.resolve(".git"));
      Files.writeString(clone.resolve("parent.xml"), LoopbackRepository.pom("com.corp", "clone-parent", "3", "pom", ""));
      Path service = shopUnder(clone.resolve("shop"), "<relativePath>../parent.xml</relativePath>");
      Assessment assessment = assess(service, List.of(), settings(false, temp.resolve("r"), central.url()));
      assertEquals(1, assessment.warnings().size(), assessment.warnings().toString());
      assertTrue(assessment.warnings().get(0).message().contains("../parent.xml"), assessment.warnings().toString());
    }
  }

  /** The shop's code in {@code folder}, its pom a child of com.corp:clone-parent:3 naming the vendor without a version. */
  private static Path shopUnder(Path folder, String relativePath) throws IOException {
    Files.createDirectories(folder.resolve("src/main/java/app"));
    Files.writeString(folder.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
          <parent><groupId>com.corp</groupId><artifactId>clone-parent</artifactId><version>3</version>%s</parent>
          <artifactId>shop</artifactId>
          <dependencies><dependency><groupId>com.acme</groupId><artifactId>vendor</artifactId></dependency></dependencies>
        </project>
        """.formatted(relativePath));
    Files.writeString(folder.resolve("src/main/java/app/Shop.java"), """
        package app;
        import com.acme.vendor.VendorSession;
        import java.util.List;
        public class Shop {
          private final VendorSession session = new VendorSession();
          public void each(List<String> hosts) throws Exception {
            for (String host : hosts) {
              session.fetch(host);
            }
          }
        }
        """);
    return folder;
  }

  @Test
  void offlineWithNothingThereIsAWarningNamingTheMissingDependencyNotAFailure() throws Exception {
    Path root = project("http://127.0.0.1:9/unused/");
    List<String> none = lines(assess(root, List.of(), null));
    Told told = new Told();
    Assessment offline = assess(root, List.of(), settings(true, temp.resolve("empty"), "http://127.0.0.1:9/")
        .withListener(told));
    assertEquals(none, lines(offline), "the scan goes on without the jars");
    assertEquals(List.of(new ResolutionSettings.Started(1, true)), told.started);
    assertEquals(List.of("0 jars, 0 fetched, stopped false"), told.ended());
    assertEquals(List.of(), memos(temp.resolve("empty")), "a resolution with a warning is tried again next time");
    assertTrue(offline.warnings().stream().anyMatch(w -> w.path().equals("pom.xml")
        && w.message().contains("com.acme:acme-bom:pom:1.0") && w.message().contains("offline")),
        offline.warnings().toString());
  }

  @Test
  void aRepositoryThatRefusesOrNeverAnswersIsAWarningWithinItsLimits() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort(); // nothing listens there once closed
    }
    Path root = project("http://127.0.0.1:" + closed + "/maven2/");
    Assessment refused = assess(root, List.of(), settings(false, temp.resolve("r1"), "http://127.0.0.1:" + closed + "/"));
    assertTrue(refused.warnings().stream().anyMatch(w -> w.message().contains("com.acme:acme-bom")),
        refused.warnings().toString());

    // a repository that accepts connections and never answers: the request timeout, then the total cap, end it
    List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>(); // read by the fake cap below
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException e) {
          // closed at the end of the test
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/";
      Path silentRoot = project(url);
      // the request timeout is the subject: the silent server never answers, so it always fires, however loaded the
      // machine; no cap, so nothing else can end the resolution first
      ResolutionSettings slow = new ResolutionSettings(false, temp.resolve("r2"), List.of(), url,
          Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(30), false, ResolutionSettings.Cap.NONE);
      Assessment timedOut = assess(silentRoot, List.of(), slow);
      assertTrue(timedOut.warnings().stream().anyMatch(w -> w.message().contains("com.acme:acme-bom")),
          timedOut.warnings().toString());

      // the cap is the subject: a fake one, spent once the resolution is held by the silent server (a connection
      // accepted), not by the wall clock; the request timeout (10 min) cannot end the resolution first
      int acceptedBefore = held.size();
      ResolutionSettings.Cap spentWhenHeld = (resolution, total) -> {
        while (held.size() == acceptedBefore && !resolution.isDone()) {
          Thread.sleep(10);
        }
        if (resolution.isDone()) {
          resolution.get();
          return;
        }
        throw new java.util.concurrent.TimeoutException();
      };
      ResolutionSettings capped = new ResolutionSettings(false, temp.resolve("r3"), List.of(), url,
          Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(1), false, spentWhenHeld);
      Told toldCapped = new Told();
      Assessment stopped = assess(silentRoot, List.of(), capped.withListener(toldCapped));
      assertEquals(List.of("0 jars, 0 fetched, stopped true"), toldCapped.ended(), "said as it ends, besides the warning");
      assertTrue(stopped.warnings().stream().anyMatch(w -> w.message().contains("stopped at its 1 s limit")),
          stopped.warnings().toString());
      assertFalse(stopped.findings().stream().anyMatch(f -> f.ruleId().equals("SequentialIoLoop")));
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
      // the resolution the cap left behind still writes its repository's tracking files once its read fails:
      // it ends before the temporary folder is deleted (JUnit's cleanup raced it)
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().startsWith("optkit-dependencies")) { // and the modules' collections it ran
          thread.join(30_000);
        }
      }
    }
  }

  /** The cap is not these tests' subject: none, and generous timeouts (issue 67: nothing here depends on speed). */
  /**
   * An Ant build with Ivy: its {@code ivy.xml} (here under {@code build/}, as Ant projects keep it) names the vendor as
   * Maven coordinates, resolved from central as Ivy's default resolver would, so the loop reaching the wire's socket is
   * found through the jars' bytecode; a revision Ivy computes is said, not guessed. The near miss: without the module
   * the jars are missing and the assessment says it ran without them.
   */
  @Test
  void anIvyModulesDependenciesAreResolvedAsMavenCoordinatesAndAProjectWithNoBuildSaysItRanWithoutJars()
      throws Exception {
    Path root = project("http://127.0.0.1:9/unused/");
    Files.delete(root.resolve("pom.xml"));
    Files.writeString(root.resolve("build.xml"), "<project name=\"shop\" default=\"jar\"/>\n");
    try (LoopbackRepository central = new LoopbackRepository(remote)) {
      Assessment bare = assess(root, List.of(), settings(false, temp.resolve("r0"), central.url()));
      assertTrue(lines(bare).stream().noneMatch(l -> l.startsWith("SequentialIoLoop 7 ")), lines(bare).toString());
      assertTrue(messages(bare.warnings()).stream().anyMatch(m -> m.startsWith("no dependency jars")),
          messages(bare.warnings()).toString());

      Files.createDirectories(root.resolve("build"));
      Files.writeString(root.resolve("build/ivy.xml"), """
          <?xml version="1.0" encoding="UTF-8"?>
          <ivy-module version="2.0">
            <info organisation="app" module="shop"/>
            <dependencies>
              <dependency org="com.acme" name="vendor" rev="1.0" transitive="false"/>
              <dependency org="com.acme" name="tools" rev="latest.integration"/>
            </dependencies>
          </ivy-module>
          """);
      Assessment resolved = assess(root, List.of(), settings(false, temp.resolve("r1"), central.url()));
      assertTrue(lines(resolved).stream().anyMatch(l -> l.startsWith("SequentialIoLoop 7 ")), lines(resolved).toString());
      assertEquals(List.of("1 Ivy dependency declaration(s) whose revision Ivy computes (latest.*, 1.+, a property) or "
          + "that name no organisation: not resolved"), messages(resolved.warnings()));
    }
  }

  /**
   * A module beside the one a pom builds, which no build optkit reads covers (a blind trial's Gradle builds four
   * folders down), ran without jars: the assessment names it. The module the pom builds is not named.
   */
  @Test
  void aModuleNoBuildCoversIsNamedAsRunWithoutJars() throws Exception {
    Path root = project("http://127.0.0.1:9/unused/");
    Files.createDirectories(root.resolve("tools/deep/cli/src/main/java/cli"));
    Files.writeString(root.resolve("tools/deep/cli/src/main/java/cli/Cli.java"), "package cli;\nclass Cli {}\n");
    try (LoopbackRepository central = new LoopbackRepository(remote)) {
      Assessment assessment = assess(root, List.of(), settings(false, temp.resolve("r"), central.url()));
      // the one module no build covers has a warning, named by its folder (the pom's module is UnbuiltModulesTest's)
      assertEquals(List.of("tools/deep/cli"), assessment.warnings().stream().map(ParseProblem::path)
          .filter(path -> path.startsWith("tools")).toList(),
          messages(assessment.warnings()).toString());
      // a second run answers the jars from the first's memo and knows the builds it read all the same: the module
      // the pom builds is still not named
      java.util.concurrent.atomic.AtomicInteger resolutions = new java.util.concurrent.atomic.AtomicInteger();
      Assessment again = assess(root, List.of(), settings(false, temp.resolve("r"), central.url())
          .withListener(new ResolutionSettings.Listener() {
            @Override
            public void started(ResolutionSettings.Started started) {
              resolutions.incrementAndGet();
            }

            @Override
            public void ended(ResolutionSettings.Ended ended) {}
          }));
      assertEquals(0, resolutions.get());
      assertEquals(List.of("tools/deep/cli"), again.warnings().stream().map(ParseProblem::path)
          .filter(path -> path.equals(".") || path.startsWith("tools")).toList(),
          messages(again.warnings()).toString());
    }
  }

  /** An Ant project's own jars ({@code lib/}) are its class path, as its build has them; a test's are not. */
  @Test
  void theJarsAnAntProjectKeepsInLibAreItsLibraries() throws Exception {
    Path root = project("http://127.0.0.1:9/unused/");
    Files.delete(root.resolve("pom.xml"));
    Files.createDirectories(root.resolve("lib"));
    Files.copy(vendorJar, root.resolve("lib/vendor-1.0.jar"));
    Files.copy(wireJar, root.resolve("lib/wire-1.0.jar"));
    Assessment assessment = assess(root, List.of(), settings(true, temp.resolve("r"), "http://127.0.0.1:9/"));
    assertTrue(lines(assessment).stream().anyMatch(l -> l.startsWith("SequentialIoLoop 7 ")), lines(assessment).toString());
    assertTrue(messages(assessment.warnings()).stream().noneMatch(m -> m.startsWith("no dependency jars")),
        messages(assessment.warnings()).toString());
  }

  private static ResolutionSettings settings(boolean offline, Path repository, String central) {
    return Untimed.settings(offline, repository, central, false);
  }

  private static Assessment assess(Path root, List<Path> jars, ResolutionSettings resolution) {
    OptkitConfig config = OptkitConfig.defaults();
    Assessor.Options options = new Assessor.Options(List.of(root), config.exclude(), false, jars,
        resolution != null, 1, true, config, "test", null, resolution);
    return new Assessor().assess(options, Assessor.Progress.NONE);
  }

  private static List<String> lines(Assessment assessment) {
    return assessment.findings().stream()
        .map(f -> f.ruleId() + " " + f.line() + " " + f.details().get("provider") + " " + f.details().get("basis"))
        .toList();
  }

  static List<String> messages(List<ParseProblem> warnings) {
    return warnings.stream().map(ParseProblem::message).toList();
  }
}
