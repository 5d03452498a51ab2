package dev.optkit.analyzers.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.io.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class path's kept graph answers as the graph computed from its jars, and the one used last stays kept. */
class ClasspathGraphCacheTest {
  @TempDir Path temp;

  /**
   * An interface with two subtypes met in class-path order: Kind (a sub-interface declaring no method) and N (a class).
   * Kind and N share their first method's number: kept in that number's order, the restored graph's subtypes of Api
   * came out as [N, Kind] where the computed one's are [Kind, N], the walk below Api met T.call (HTTP) before S.call (a
   * socket), and the basis a call of Api.call reports, and its path, differed between a cold run and a warm one.
   */
  static final Map<String, String> TIE = Map.of(
      "lib/Api.java", "package lib; public interface Api { void call() throws java.io.IOException; }",
      "lib/Kind.java", "package lib; public interface Kind extends Api {}",
      "lib/N.java", "package lib; public class N implements Api { public void call() throws java.io.IOException {} }",
      "lib/S.java", """
          package lib;
          public class S implements Kind {
            public void call() throws java.io.IOException { new java.net.Socket("db", 1).close(); }
          }
          """,
      "lib/T.java", """
          package lib;
          public class T extends N {
            public void call() throws java.io.IOException {
              ((java.net.HttpURLConnection) new java.net.URL("http://x").openConnection()).connect();
            }
          }
          """);

  @Test
  void aRestoredGraphAnswersAsTheComputedOneWhenATypeWithoutMethodsPrecedesAnother() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("lib-1.0.jar"), TIE);
    Path cache = temp.resolve("cache");
    ClientCatalog catalog = OptkitConfig.defaults().catalog();
    LibraryIo computed = LibraryIo.of(List.of(jar), catalog, null);
    LibraryIo.of(List.of(jar), catalog, cache); // computes and keeps the class path
    LibraryIo restored = LibraryIo.of(List.of(jar), catalog, cache);
    assertTrue(computed.reached("lib.Api", "call", 0).isPresent());
    assertEquals(computed.reached("lib.Api", "call", 0), restored.reached("lib.Api", "call", 0));
    assertEquals(computed.pathOf("lib.Api", "call", 0), restored.pathOf("lib.Api", "call", 0));
  }

  /** The same, as assess's findings: the second run's JSON differs from the first's (the finding's basis). */
  @Test
  void aSecondAssessGivesTheFirstOnesFindings() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("lib-1.0.jar"), TIE);
    Path root = temp.resolve("project");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Service.java"), """
        package app;
        import lib.Api;
        public class Service {
          private final Api api;
          public Service(Api api) { this.api = api; }
          public void go() throws Exception { api.call(); }
        }
        """);
    Path cache = temp.resolve("cache");
    List<String> cold = findings(root, jar, cache);
    assertTrue(!cold.isEmpty(), "the call of Api.call is a finding");
    assertEquals(cold, findings(root, jar, cache));
  }

  /**
   * The {@link ClasspathGraphCache#KEPT} class paths used last are kept: kept by when they were written, the class path
   * every run used was the first deleted once eight others were written after it (the user cache is shared by every
   * project, so eight is soon reached).
   */
  @Test
  void theClassPathUsedOnEveryRunIsNotTheOneForgotten() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("lib-1.0.jar"), TIE);
    Path cache = temp.resolve("cache");
    ClientCatalog catalog = OptkitConfig.defaults().catalog();
    LibraryIo.of(List.of(jar), catalog, cache);
    Path hot = cache.resolve("bytecode").resolve("classpath-"
        + ClasspathGraphCache.key(List.of(Hashes.sha256(jar)), List.of(true), catalog) + ".smile.gz");
    assertTrue(Files.isRegularFile(hot));
    // the files' times set by hand, each written class path older than the last: the hot one is the oldest written,
    // and only its use can make it the newest (no sleeping between the runs)
    Files.setLastModifiedTime(hot, java.nio.file.attribute.FileTime.fromMillis(1_000));
    for (int i = 0; i < ClasspathGraphCache.KEPT; i++) {
      Path other = emptyJar(temp.resolve("other-" + i + ".jar"), "other " + i);
      LibraryIo.of(List.of(jar, other), catalog, cache); // another project's class path
      // the hot class path was used after every other one was kept
      assertTrue(Files.isRegularFile(hot), "the class path used on every run was deleted as the oldest, after "
          + (i + 1) + " others");
      Path kept = cache.resolve("bytecode").resolve("classpath-" + ClasspathGraphCache.key(
          List.of(Hashes.sha256(jar), Hashes.sha256(other)), List.of(true, true), catalog) + ".smile.gz");
      Files.setLastModifiedTime(kept, java.nio.file.attribute.FileTime.fromMillis(2_000 + i));
      LibraryIo.of(List.of(jar), catalog, cache); // the hot one, used again
    }
  }

  private static List<String> rememberedPaths(Path cache) throws Exception {
    byte[] sealed = Files.readAllBytes(cache.resolve("bytecode").resolve(dev.optkit.analyzers.io.FileHashes.FILE_NAME));
    byte[] content = dev.optkit.analyzers.io.StateSeal.open(dev.optkit.analyzers.io.FileHashes.FILE_NAME, sealed)
        .orElseThrow();
    com.fasterxml.jackson.databind.JsonNode files = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.smile.SmileFactory()).readTree(content).get("files");
    List<String> paths = new ArrayList<>();
    files.fieldNames().forEachRemaining(paths::add);
    return paths;
  }

  /** A jar of no class, its content told apart by one text entry. */
  private static Path emptyJar(Path jar, String text) throws Exception {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("README.txt"));
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private static List<String> findings(Path root, Path jar, Path cache) {
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(root), config.exclude(), false,
        List.of(jar), false, 1, true, config, "test", cache), Assessor.Progress.NONE);
    return assessment.findings().stream()
        .map(f -> f.ruleId() + " " + f.line() + " " + f.details().get("basis") + " " + f.details().get("path"))
        .toList();
  }
}
