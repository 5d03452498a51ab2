package dev.optkit.analyzers.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.catalog.DeclaredClientSignature;
import dev.optkit.analyzers.findings.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code .optkit.yml}: what to scan, which rules run at which severity, the savings model's
 * assumptions and additions to the client catalogue. Unknown keys are errors, not silently ignored.
 */
public record OptkitConfig(
    List<String> include,
    List<String> exclude,
    boolean includeTests,
    Map<String, RuleSettings> rules,
    Cacheable cacheable,
    Analysis analysis,
    SavingsSettings savings,
    List<ClientSignature> clients,
    List<DeclaredClientSignature> declaredClients,
    Map<String, CachePolicy> cachePolicies,
    Loops loops,
    CacheSettings cache) {

  public static final String FILE_NAME = ".optkit.yml";

  /**
   * How long and how many entries migrate's caches keep, per category of data. A method falls in
   * the first category whose name patterns match it (LLM reads always in "llm"). A cache whose key
   * holds a size the caller chooses (a {@code Pageable}, a {@code limit}) is bounded by
   * {@code maximumWeight} instead, counted in elements (a list's size, a page's content), since
   * one entry may then hold any number of rows.
   */
  public record CachePolicy(Long ttlSeconds, Long maximumSize, Long maximumWeight, List<String> methods) {
    public CachePolicy {
      if (ttlSeconds != null && ttlSeconds <= 0) {
        throw new IllegalArgumentException("cachePolicies ttlSeconds must be positive, was " + ttlSeconds);
      }
      if (maximumSize != null && maximumSize <= 0) {
        throw new IllegalArgumentException("cachePolicies maximumSize must be positive (every cache is bounded), was " + maximumSize);
      }
      if (maximumWeight != null && maximumWeight <= 0) {
        throw new IllegalArgumentException("cachePolicies maximumWeight must be positive (every cache is bounded), was "
            + maximumWeight);
      }
      methods = methods == null ? null : List.copyOf(methods);
    }
  }

  /** Defaults in the spirit of "real-time data 30 seconds, user data 5 minutes, reports 1 hour". */
  public static final Map<String, CachePolicy> DEFAULT_CACHE_POLICIES = defaultPolicies();

  private static Map<String, CachePolicy> defaultPolicies() {
    Map<String, CachePolicy> policies = new java.util.LinkedHashMap<>();
    // maximumWeight, in elements: ten per entry maximumSize allows, so a page of ten rows weighs what the
    // entry bound assumed, and a page of thousands displaces hundreds of small entries instead of adding to them
    policies.put("llm", new CachePolicy(86_400L, 10_000L, 100_000L, List.of()));
    policies.put("realtime", new CachePolicy(30L, 10_000L, 100_000L,
        List.of("price*", "rate*", "quote*", "stock*", "status*", "availab*", "balance*", "inventor*")));
    policies.put("user", new CachePolicy(300L, 10_000L, 100_000L,
        List.of("user*", "customer*", "account*", "profile*", "tier*", "member*", "owner*")));
    policies.put("reference", new CachePolicy(3_600L, 1_000L, 10_000L,
        List.of("countr*", "currenc*", "config*", "setting*", "catalog*", "categor*", "product*", "name*", "type*")));
    policies.put("report", new CachePolicy(3_600L, 1_000L, 10_000L,
        List.of("report*", "summar*", "statistic*", "analy*", "describe*", "calculate*", "generate*")));
    // a remote service's answer no name places: other clients write it, and only the TTL bounds how stale it gets
    // (two usefulness trials asked for 30-60 s where the default gave 300)
    policies.put("remote", new CachePolicy(60L, 10_000L, 100_000L, List.of()));
    policies.put("default", new CachePolicy(300L, 10_000L, 100_000L, List.of()));
    return java.util.Collections.unmodifiableMap(policies);
  }

  /**
   * The user's categories first, in the order written (so they win over the defaults' patterns),
   * then the remaining defaults; a user category keeps unset fields from the default of that name.
   * Patterns are globs matched against each camel-case word of a method name ({@code rate*}
   * matches getExchangeRate, not generateReport).
   */
  public Map<String, CachePolicy> effectiveCachePolicies() {
    Map<String, CachePolicy> result = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, CachePolicy> entry : cachePolicies.entrySet()) {
      CachePolicy base = result.getOrDefault(entry.getKey(), DEFAULT_CACHE_POLICIES.get("default"));
      CachePolicy user = entry.getValue();
      result.put(entry.getKey(), new CachePolicy(
          user.ttlSeconds() != null ? user.ttlSeconds() : base.ttlSeconds(),
          user.maximumSize() != null ? user.maximumSize() : base.maximumSize(),
          user.maximumWeight() != null ? user.maximumWeight() : base.maximumWeight(),
          user.methods() != null ? user.methods() : base.methods()));
    }
    DEFAULT_CACHE_POLICIES.forEach(result::putIfAbsent);
    if (result.containsKey("default")) {
      CachePolicy fallback = result.remove("default");
      result.put("default", fallback);
    }
    return result;
  }

  /** Per-rule switches. */
  public record RuleSettings(Boolean enabled, Severity severity) {
    @JsonCreator
    public static RuleSettings of(@JsonProperty("enabled") Boolean enabled, @JsonProperty("severity") String severity) {
      return new RuleSettings(enabled, severity == null ? null : Severity.parse(severity));
    }
  }

  /** Which method names raise a cacheable read's rank. */
  public record Cacheable(List<String> namePatterns) {
    public static final List<String> DEFAULT_CACHEABLE_NAMES =
        List.of("get*", "fetch*", "find*", "load*", "calculate*", "analyze*", "generate*");

    public Cacheable {
      namePatterns = namePatterns == null ? DEFAULT_CACHEABLE_NAMES : List.copyOf(namePatterns);
    }
  }

  /**
   * How far analysis follows calls inside the project, and the largest source file it parses
   * ({@code maxFileKilobytes}, default 4096): a bigger one, generated as a rule, is a warning naming
   * it, and the scan goes on without it (a 20 MB file once took the whole scan down with it). One
   * file's parse and extraction have a time budget ({@code maxFileSeconds}, default 20): past it, the
   * file's facts come from its imports alone, at lower confidence, with a warning naming it; past the
   * same time again without type resolution, the file is skipped with a warning. Being a time, the
   * budget is the one thing that can make two runs on the same input differ: only for a file that
   * comes near it, which the warning names, and whose partial facts are never cached.
   */
  public record Analysis(Integer callDepth, Integer maxFileKilobytes, Integer maxFileSeconds) {
    public Analysis(Integer callDepth, Integer maxFileKilobytes) {
      this(callDepth, maxFileKilobytes, null);
    }

    public Analysis {
      if (maxFileSeconds != null && maxFileSeconds < 1) {
        throw new IllegalArgumentException("analysis.maxFileSeconds must be at least 1, was " + maxFileSeconds);
      }
      if (callDepth != null && (callDepth < 0 || callDepth > 10)) {
        throw new IllegalArgumentException("analysis.callDepth must be between 0 and 10, was " + callDepth);
      }
      if (maxFileKilobytes != null && maxFileKilobytes < 1) {
        throw new IllegalArgumentException("analysis.maxFileKilobytes must be at least 1, was " + maxFileKilobytes);
      }
    }

    public int depth() {
      return callDepth == null ? 3 : callDepth;
    }

    public long maxFileBytes() {
      return (maxFileKilobytes == null ? 4096L : maxFileKilobytes) * 1024;
    }

    /** The time one file's parse and extraction may take (default 20 s); past it, the file is read by its imports. */
    public long maxFileNanos() {
      return (maxFileSeconds == null ? 20L : maxFileSeconds) * 1_000_000_000L;
    }
  }

  /**
   * How migrate rewrites loops that wait on I/O one element at a time. {@code concurrency}: how many
   * calls a rewritten loop keeps in flight (default 10); the system property
   * {@code optkit.loops.sequential=true} makes every rewritten loop run one call at a time again.
   */
  public record Loops(Integer concurrency) {
    public Loops {
      if (concurrency != null && (concurrency < 1 || concurrency > 1000)) {
        throw new IllegalArgumentException("loops.concurrency must be between 1 and 1000, was " + concurrency);
      }
    }

    public int inFlight() {
      return concurrency == null ? 10 : concurrency;
    }
  }

  /**
   * Where migrate's Spring caches keep their entries. {@code backend}: {@code local} (default, a
   * Caffeine cache in each JVM), {@code redis} (a {@code RedisCacheManager} shared by every
   * instance of the service) or {@code two-level} (a Caffeine level in each JVM in front of that
   * Redis, evictions broadcast to every instance); docs/cache-backends.md. {@code rollout}: each new cache asks a
   * percentage, per cache and key, whether a read uses it (off unless true: the switch alone is what a careful engineer
   * adds by hand; the rollout is for services that turn caches on a share of keys at a time).
   */
  public record CacheSettings(String backend, Boolean rollout) {
    public static final List<String> BACKENDS = List.of("local", "redis", "two-level");

    public CacheSettings(String backend) {
      this(backend, null);
    }

    /** Whether new caches are rolled out by percentage ({@code cache.rollout: true} or {@code --rollout}). */
    public boolean percentageRollout() {
      return Boolean.TRUE.equals(rollout);
    }

    public CacheSettings {
      if (backend != null && !BACKENDS.contains(backend)) {
        throw new IllegalArgumentException("cache.backend must be one of " + String.join(", ", BACKENDS) + ", was '"
            + backend + "'");
      }
    }

    /** The backend chosen, {@code local} when none is. */
    public String chosen() {
      return backend == null ? "local" : backend;
    }

    /** Whether Spring caches keep their entries in Redis: the redis and the two-level backends. */
    public boolean redis() {
      return "redis".equals(backend) || twoLevel();
    }

    /** Whether a local level in each JVM stands in front of Redis. */
    public boolean twoLevel() {
      return "two-level".equals(backend);
    }
  }

  /**
   * The same settings reading every source: migrate needs every writer's code whatever the report leaves out
   * (hostile review 38's u5, u6: a writer an exclude glob left unread, its reads cached with no eviction).
   */
  public OptkitConfig readingEverySource() {
    return new OptkitConfig(List.of(), List.of(), includeTests, rules, cacheable, analysis, savings, clients,
        declaredClients, cachePolicies, loops, cache);
  }

  /** The same settings with another cache backend ({@code --cache-backend}). */
  public OptkitConfig withCacheBackend(String backend) {
    return new OptkitConfig(include, exclude, includeTests, rules, cacheable, analysis, savings, clients, declaredClients,
        cachePolicies, loops, new CacheSettings(backend, cache.rollout()));
  }

  /** The same settings with the percentage rollout on ({@code --rollout}). */
  public OptkitConfig withRollout() {
    return new OptkitConfig(include, exclude, includeTests, rules, cacheable, analysis, savings, clients, declaredClients,
        cachePolicies, loops, new CacheSettings(cache.backend(), true));
  }

  /** The settings before {@code cache} existed. */
  public OptkitConfig(List<String> include, List<String> exclude, Boolean includeTests, Map<String, RuleSettings> rules,
      Cacheable cacheable, Analysis analysis, SavingsSettings savings, List<ClientSignature> clients,
      List<DeclaredClientSignature> declaredClients, Map<String, CachePolicy> cachePolicies, Loops loops) {
    this(include, exclude, includeTests, rules, cacheable, analysis, savings, clients, declaredClients, cachePolicies,
        loops, (CacheSettings) null);
  }

  /** The settings before {@code loops} existed. */
  public OptkitConfig(List<String> include, List<String> exclude, Boolean includeTests, Map<String, RuleSettings> rules,
      Cacheable cacheable, Analysis analysis, SavingsSettings savings, List<ClientSignature> clients,
      List<DeclaredClientSignature> declaredClients, Map<String, CachePolicy> cachePolicies) {
    this(include, exclude, includeTests, rules, cacheable, analysis, savings, clients, declaredClients, cachePolicies,
        (Loops) null, (CacheSettings) null);
  }

  @JsonCreator
  public OptkitConfig(
      @JsonProperty("include") List<String> include,
      @JsonProperty("exclude") List<String> exclude,
      @JsonProperty("includeTests") Boolean includeTests,
      @JsonProperty("rules") Map<String, RuleSettings> rules,
      @JsonProperty("cacheable") Cacheable cacheable,
      @JsonProperty("analysis") Analysis analysis,
      @JsonProperty("savings") SavingsSettings savings,
      @JsonProperty("clients") List<ClientSignature> clients,
      @JsonProperty("declaredClients") List<DeclaredClientSignature> declaredClients,
      @JsonProperty("cachePolicies") Map<String, CachePolicy> cachePolicies,
      @JsonProperty("loops") Loops loops,
      @JsonProperty("cache") CacheSettings cache) {
    this(include == null ? List.of() : List.copyOf(include),
        exclude == null ? List.of() : List.copyOf(exclude),
        includeTests != null && includeTests,
        rules == null ? Map.of() : new TreeMap<>(rules),
        cacheable == null ? new Cacheable(null) : cacheable,
        analysis == null ? new Analysis(null, null) : analysis,
        savings == null ? SavingsSettings.defaults() : savings,
        clients == null ? List.of() : List.copyOf(clients),
        declaredClients == null ? List.of() : List.copyOf(declaredClients),
        cachePolicies == null ? Map.of() : new java.util.LinkedHashMap<>(cachePolicies),
        loops == null ? new Loops(null) : loops,
        cache == null ? new CacheSettings(null) : cache);
  }

  public static OptkitConfig defaults() {
    return new OptkitConfig(null, null, (Boolean) null, null, null, null, null, null, null, null, null, null);
  }

  public ClientCatalog catalog() {
    return ClientCatalog.withAdditions(new ClientCatalog.CatalogFile(clients, declaredClients));
  }

  public boolean ruleEnabled(String ruleId) {
    RuleSettings settings = rules.get(ruleId);
    return settings == null || settings.enabled() == null || settings.enabled();
  }

  public Severity severityOf(String ruleId, Severity computed) {
    RuleSettings settings = rules.get(ruleId);
    return settings == null || settings.severity() == null ? computed : settings.severity();
  }

  /** Reads a configuration file; every problem becomes a {@link ConfigException} naming key and line. */
  public static OptkitConfig load(Path file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    String text = "";
    try {
      text = Files.readString(file);
      if (text.isBlank()) {
        return defaults();
      }
      OptkitConfig config = yaml.readValue(text, OptkitConfig.class);
      return config == null ? defaults() : config;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(file + ":" + keyLine(text, String.valueOf(e.getPropertyName()), e.getLocation())
          + ": unknown key '" + e.getPropertyName() + "' at "
          + path(e) + " (known keys: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", ")) + ")", e);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new ConfigException(file + ":" + line(e.getLocation()) + ": bad value at " + path(e) + ": "
          + firstLine(reason), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ":" + line(e.getLocation()) + ": not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The line of the offending key: the YAML parser reports where it stopped, which can be the line
   * after the key, so look back for the key itself.
   */
  private static String keyLine(String text, String key, JsonLocation location) {
    String[] lines = text.split("\n", -1);
    int reported = location == null ? lines.length : Math.min(location.getLineNr(), lines.length);
    java.util.regex.Pattern keyPattern =
        java.util.regex.Pattern.compile("^\\s*(-\\s*)?" + java.util.regex.Pattern.quote(key) + "\\s*:");
    for (int line = reported; line >= 1; line--) {
      if (keyPattern.matcher(lines[line - 1]).find()) {
        return String.valueOf(line);
      }
    }
    return line(location);
  }

  private static String line(JsonLocation location) {
    return location == null ? "?" : String.valueOf(location.getLineNr());
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(top level)" : path.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
