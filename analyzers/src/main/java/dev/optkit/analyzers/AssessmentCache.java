package dev.optkit.analyzers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateSeal;
import dev.optkit.analyzers.io.FileHashes;
import dev.optkit.analyzers.source.MavenPom;
import dev.optkit.analyzers.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whole answer of an earlier run, reused when nothing it depends on changed: a re-run of an
 * unchanged project then reads one file instead of building the index, running the rules and the
 * planner again. The key covers every input of the analysis: the facts cache's key (tool build,
 * JDK, jars by their status (size, times, inode), client configuration, project types), the options and the
 * whole configuration, the content of every file the scan reads (Java, SQL scripts, XML, YAML and
 * JSON), and the poms above each root and every pom's parents. Anything else changing makes a
 * different key, and the run is a full one (with the per-file facts cache).
 */
public final class AssessmentCache {
  /** The file's name in the cache directory. */
  public static final String FILE_NAME = "assessment-v1.smile";
  /** Tens of thousands of findings make a few MB; a planted file is never read whole past this. */
  private static final long MAX_BYTES = 1L << 28;
  private static final ObjectMapper MAPPER = new ObjectMapper(new SmileFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What is stored: the assessment's output, and what its findings keep out of the JSON report. */
  record Stored(String key, Assessment.Tool tool, Assessment.Summary summary, List<StoredFinding> findings,
      List<ParseProblem> warnings) {}

  /** A finding with the parts the report leaves out ({@code --since} needs its member's range). */
  record StoredFinding(Finding finding, Finding.SavingsBasis basis, SourceRange memberRange) {}

  private final Path file;
  private final String key;
  /** What the key was computed from, to compute it again before an answer is stored under it. */
  private final Assessor.Options options;
  private final Assessor.Inputs inputs;
  private final FileHashes hashed;

  private AssessmentCache(Path file, String key, Assessor.Options options, Assessor.Inputs inputs, FileHashes hashed) {
    this.file = file;
    this.key = key;
    this.options = options;
    this.inputs = inputs;
    this.hashed = hashed;
  }

  /**
   * The cache for this run's inputs, or empty when the key cannot be computed (an unreadable file:
   * the run is a full one).
   *
   * @param callerKey what else the code that finishes the assessment after the analyzers depends
   *     on (migrate's planner judging what is fixable): {@link Assessor#codeBuild} of its classes,
   *     and what it reads outside the scan
   */
  public static Optional<AssessmentCache> open(Path directory, Assessor.Options options, Assessor.Inputs inputs,
      String callerKey) {
    return open(directory, options, inputs, callerKey, FileHashes.open(directory));
  }

  /** @param remembered the hashes remembered in {@code directory} (opened beside the scan: it is a tenth of a re-run) */
  public static Optional<AssessmentCache> open(Path directory, Assessor.Options options, Assessor.Inputs inputs,
      String callerKey, FileHashes remembered) {
    try {
      String runKey = key(options, inputs, remembered, false) + callerKey;
      Path file = StateDirectory.forCache(directory).resolve(FILE_NAME);
      return Optional.of(new AssessmentCache(file, runKey, options, inputs, remembered));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } finally {
      remembered.save();
    }
  }

  /** The stored assessment when its key is this run's; its stats say every file came from the cache. */
  public Optional<Assessment> lookup(long startNanos, int threads, int jars) {
    try {
      Optional<byte[]> content = StateDirectory.forCache(file.getParent()).read(file, MAX_BYTES)
          .flatMap(sealed -> StateSeal.open(key, sealed));
      if (content.isEmpty()) {
        return Optional.empty(); // none, or doctored or damaged: dropped, never served
      }
      Stored stored = MAPPER.readValue(content.get(), Stored.class);
      if (stored == null || !key.equals(stored.key()) || stored.findings() == null) {
        return Optional.empty();
      }
      List<Finding> findings = new ArrayList<>();
      for (StoredFinding kept : stored.findings()) {
        findings.add(kept.finding().withHidden(kept.basis(), kept.memberRange()));
      }
      long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
      return Optional.of(new Assessment(Assessment.SCHEMA_VERSION, stored.tool(), stored.summary(), List.copyOf(findings),
          stored.warnings() == null ? List.of() : List.copyOf(stored.warnings()),
          new Assessment.Stats(elapsed, threads, 0, 0, jars, stored.summary().filesScanned(), true), null));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged cache costs one full run
    }
  }

  /**
   * Keeps this run's answer for the next; a failure to write only costs the next run its shortcut.
   * Nothing is kept when a file changed during the run: the answer may be of content the key does
   * not name (an edit between the key's hashing and the parse, undone after the run or even during
   * it, would otherwise be served for the undone content). A parse that read other content than
   * the key hashed says so, and the key is computed again from the files as they are now.
   *
   * @param callerKey what the caller's part depends on, as now (see {@link #open})
   */
  public void store(Assessment assessment, String callerKey) {
    try {
      // the key's own part is a hash of fixed length: equal keys mean an equal caller's part too
      boolean unchanged = !inputs.sources().changedDuringRun()
          && key.equals(key(options, inputs, hashed.again(), true) + callerKey);
      if (!unchanged) {
        return;
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    List<StoredFinding> findings = new ArrayList<>();
    for (Finding finding : assessment.findings()) {
      findings.add(new StoredFinding(finding, finding.basis(), finding.memberRange()));
    }
    try {
      StateDirectory.forCache(file.getParent()).write(file, StateSeal.seal(key, MAPPER.writeValueAsBytes(
          new Stored(key, assessment.tool(), assessment.summary(), findings, assessment.warnings()))));
    } catch (IOException | RuntimeException e) {
      // the next run is a full one
    }
  }

  /** @param again the end-of-run check: every file's hash from {@code remembered}, none from the scan's memo */
  private static String key(Assessor.Options options, Assessor.Inputs inputs, FileHashes remembered, boolean again)
      throws IOException {
    StringBuilder key = new StringBuilder("assessment-v1|").append(Assessor.factsKey(options, inputs))
        .append('|').append(Assessor.codeBuild(AssessmentCache.class));
    // the options, and the whole configuration (rules, severities, savings, policies, analysis limits)
    key.append('|').append(options.roots().stream().map(r -> r.toAbsolutePath().normalize().toString()).toList())
        .append('|').append(options.excludes()).append('|').append(options.includeTests())
        .append('|').append(options.classpath()).append('|').append(options.useMavenRepository())
        .append('|').append(options.resolution() == null ? "-" : options.resolution().key())
        .append('|').append(inputs.libraryEntries()).append('|').append(inputs.warnings())
        .append('|').append(JSON.writeValueAsString(options.config()));
    // hashing was most of a warm run: remembered by file status, and on all cores, in the scan's order
    List<String> hashes = inputs.sources().files().parallelStream().map(source -> {
      try {
        return source.relativePath() + "=" + (again ? remembered.sha256(source.absolutePath())
            : inputs.sources().hash(source, remembered));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    hashes.forEach(hash -> key.append('|').append(hash));
    TreeSet<Path> others = new TreeSet<>();
    others.addAll(inputs.sources().sqlFiles());
    others.addAll(inputs.sources().xmlFiles());
    others.addAll(inputs.sources().yamlAndJsonFiles());
    // poms decide the Java level and the jars: those above each root, and every pom's parents
    for (Path root : options.roots()) {
      for (Path at = root.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
        others.add(at.resolve("pom.xml"));
      }
    }
    for (Path pom : new ArrayList<>(others)) {
      if (pom.getFileName().toString().equals("pom.xml") && Files.isRegularFile(pom)) {
        MavenPom.read(pom).ifPresent(read -> others.addAll(read.files()));
      }
    }
    for (Path other : others) {
      if (Files.isRegularFile(other)) {
        key.append('|').append(other).append('=').append(remembered.sha256(other));
      }
    }
    return Hashes.sha256(key.toString());
  }
}

