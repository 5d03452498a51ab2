package dev.optkit.analyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole answer is reused only while every input of the analysis is unchanged. */
class AssessmentCacheTest {
  @TempDir Path dir;

  private static final String REPO = """
      package shop;
      import java.sql.Connection;
      class Repo {
        private Connection connection;
        int count(String kind) throws Exception {
          return connection.createStatement().executeQuery("SELECT COUNT(*) FROM t WHERE k = " + kind).getInt(1);
        }
      }
      """;

  private Path project;
  private Path libs;

  private Assessor.Options options(OptkitConfig config) {
    return new Assessor.Options(List.of(project), List.of(), false, List.of(libs), false, 1, true, config, "test",
        project.resolve(".optkit/cache"));
  }

  /** The answer a run would take from the cache, if any. */
  private Optional<Assessment> lookup(OptkitConfig config) {
    Assessor.Options options = options(config);
    return AssessmentCache.open(options.cacheDirectory(), options, Assessor.inputs(options), "caller")
        .flatMap(cache -> cache.lookup(System.nanoTime(), 1, 0));
  }

  private Assessment runAndStore(OptkitConfig config) {
    Assessor.Options options = options(config);
    Assessor.Inputs inputs = Assessor.inputs(options);
    Assessment assessment = new Assessor().assess(options, Assessor.Progress.NONE, inputs, System.nanoTime());
    AssessmentCache.open(options.cacheDirectory(), options, inputs, "caller").orElseThrow().store(assessment, "caller");
    return assessment;
  }

  @Test
  void anUnchangedProjectGetsTheStoredAnswerWithWhatTheReportLeavesOut() throws Exception {
    project = dir.resolve("shop");
    libs = Files.createDirectories(dir.resolve("libs"));
    new ProjectFixture(project).java(REPO).file("pom.xml", "<project><modelVersion>4.0.0</modelVersion>"
        + "<groupId>g</groupId><artifactId>shop</artifactId><version>1</version></project>").assess();
    assertTrue(lookup(OptkitConfig.defaults()).isEmpty(), "nothing stored yet");
    Assessment stored = runAndStore(OptkitConfig.defaults());
    assertFalse(stored.findings().isEmpty());

    Assessment reused = lookup(OptkitConfig.defaults()).orElseThrow();
    assertEquals(stored.summary(), reused.summary());
    assertEquals(stored.findings().size(), reused.findings().size());
    for (int i = 0; i < stored.findings().size(); i++) {
      Finding before = stored.findings().get(i);
      Finding after = reused.findings().get(i);
      assertEquals(before.fingerprint(), after.fingerprint());
      assertEquals(before.memberRange(), after.memberRange(), "--since narrows by the member's range");
      assertEquals(before.basis(), after.basis());
      assertEquals(before.details().toString(), after.details().toString());
    }
    assertEquals(stored.summary().filesScanned(), reused.stats().cachedFiles());
  }

  @Test
  void aDoctoredAnswerIsDroppedNeverServed() throws Exception {
    project = dir.resolve("shop");
    libs = Files.createDirectories(dir.resolve("libs"));
    new ProjectFixture(project).java(REPO).assess();
    Assessment stored = runAndStore(OptkitConfig.defaults());
    assertFalse(stored.findings().isEmpty());
    Path file = project.resolve(".optkit/cache/" + AssessmentCache.FILE_NAME);
    byte[] sealed = Files.readAllBytes(file);
    // the answer with its findings emptied, as a pull request could plant it: same key, same format
    int header = "optkit-sealed-1\n".length() + 32;
    var smile = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.smile.SmileFactory());
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) smile.readTree(
        java.util.Arrays.copyOfRange(sealed, header, sealed.length));
    tree.putArray("findings");
    byte[] doctored = smile.writeValueAsBytes(tree);
    byte[] withOldCheck = java.util.Arrays.copyOf(sealed, header + doctored.length);
    System.arraycopy(doctored, 0, withOldCheck, header, doctored.length);
    for (byte[] planted : List.of(doctored, withOldCheck)) {
      Files.write(file, planted);
      assertTrue(lookup(OptkitConfig.defaults()).isEmpty(), "a doctored answer is not served");
    }
    Files.write(file, sealed);
    assertEquals(stored.findings().size(), lookup(OptkitConfig.defaults()).orElseThrow().findings().size(),
        "the answer as written is served");
  }

  @Test
  void noAnswerIsStoredWhenAFileChangedDuringTheRun() throws Exception {
    project = dir.resolve("shop");
    libs = Files.createDirectories(dir.resolve("libs"));
    new ProjectFixture(project).java(REPO).assess();
    Path repo;
    try (var files = Files.walk(project)) {
      repo = files.filter(f -> f.getFileName().toString().equals("Repo.java")).findFirst().orElseThrow();
    }
    Assessor.Options options = options(OptkitConfig.defaults());
    Assessor.Inputs inputs = Assessor.inputs(options);
    AssessmentCache cache = AssessmentCache.open(options.cacheDirectory(), options, inputs, "caller").orElseThrow();
    Assessment assessment = new Assessor().assess(options, Assessor.Progress.NONE, inputs, System.nanoTime());
    // an edit between the key's hashing and the end of the run, undone after it
    Files.writeString(repo, REPO.replace("SELECT COUNT(*)", "SELECT MAX(id)"));
    cache.store(assessment, "caller");
    Files.writeString(repo, REPO);
    assertTrue(lookup(OptkitConfig.defaults()).isEmpty(), "an answer of other content was stored under this key");

    // unchanged during the run, the answer is stored; a change of the caller's part keeps it out too
    runAndStore(OptkitConfig.defaults());
    assertTrue(lookup(OptkitConfig.defaults()).isPresent());
    Files.delete(options.cacheDirectory().resolve("assessment-v1.smile"));
    AssessmentCache.open(options.cacheDirectory(), options, Assessor.inputs(options), "caller").orElseThrow()
        .store(assessment, "caller, since changed");
    assertTrue(lookup(OptkitConfig.defaults()).isEmpty());
  }

  @Test
  void aJarOfTheSameSizeUnderTheOldTimeIsAnotherJar() throws Exception {
    project = dir.resolve("shop");
    libs = Files.createDirectories(dir.resolve("libs"));
    new ProjectFixture(project).java(REPO).assess();
    Path jar = libs.resolve("client.jar");
    Files.write(jar, new byte[] {1, 2, 3, 4});
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(jar);
    Assessor.Options options = options(OptkitConfig.defaults());
    Assessor.Inputs inputs = new Assessor.Inputs(Assessor.inputs(options).sources(), List.of(jar));
    String before = Assessor.factsKey(options, inputs);
    assertEquals(before, Assessor.factsKey(options, inputs));
    Files.write(jar, new byte[] {4, 3, 2, 1}); // what a cp -p of another build of the jar leaves
    Files.setLastModifiedTime(jar, modified);
    assertFalse(before.equals(Assessor.factsKey(options, inputs)), "the facts of the old jar's types are kept");
  }

  @Test
  void anyInputChangingMakesItAFullRun() throws Exception {
    project = dir.resolve("parent/shop");
    libs = Files.createDirectories(dir.resolve("libs"));
    Files.createDirectories(project);
    Files.writeString(dir.resolve("parent/pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId>"
        + "<artifactId>parent</artifactId><version>1</version><packaging>pom</packaging></project>");
    new ProjectFixture(project).java(REPO)
        .file("src/main/resources/schema.sql", "CREATE TABLE t (k VARCHAR(9));\n").assess();
    OptkitConfig config = OptkitConfig.defaults();
    runAndStore(config);
    assertTrue(lookup(config).isPresent());

    // a schema script: triggers and cascades change what writes what
    Path schema = project.resolve("src/main/resources/schema.sql");
    Files.writeString(schema, Files.readString(schema) + "CREATE TRIGGER x AFTER INSERT ON t FOR EACH ROW CALL y();\n");
    assertTrue(lookup(config).isEmpty(), "schema script changed");
    runAndStore(config);
    assertTrue(lookup(config).isPresent());

    // a pom above the root: the Java level and the jars come from it
    Path parentPom = dir.resolve("parent/pom.xml");
    Files.writeString(parentPom, Files.readString(parentPom).replace("<packaging>",
        "<properties><maven.compiler.release>8</maven.compiler.release></properties><packaging>"));
    assertTrue(lookup(config).isEmpty(), "parent pom changed");
    runAndStore(config);

    // a source file
    Path repo = project.resolve("src/main/java/shop/Repo.java");
    Files.writeString(repo, Files.readString(repo).replace("FROM t", "FROM u"));
    assertTrue(lookup(config).isEmpty(), "source changed");
    runAndStore(config);

    // a jar arriving for type resolution
    try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(libs.resolve("extra.jar")))) {
      jar.putNextEntry(new java.util.zip.ZipEntry("extra/Marker.class"));
      jar.write(new byte[0]);
    }
    assertTrue(lookup(config).isEmpty(), "jar arrived");
    runAndStore(config);

    // the configuration: another severity, savings or rule set is another answer
    Path yml = dir.resolve("elsewhere.yml");
    Files.writeString(yml, "rules:\n  DatabaseQuery:\n    severity: high\n");
    assertTrue(lookup(OptkitConfig.load(yml)).isEmpty(), "configuration changed");
    assertTrue(lookup(config).isPresent(), "and the stored answer still holds for the old one");
  }
}
