package dev.optkit.analyzers.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * A library client: calls of {@code methods} on an expression whose type is one of {@code types}
 * (or a subtype) are remote API calls or database queries. {@code cacheStore}: the client reads a
 * remote cache (Redis, Memcached, Hazelcast): its round trips count as I/O in loops, but its reads
 * are a cache already, not candidates for another. {@code sql}: its statements are SQL on a relational database
 * (JDBC, jOOQ, Jdbi...), so a site of it whose SQL the sources do not hold is one the index hints cannot decide.
 * {@code asyncMethods}: methods that hand the round trip to the client's own threads and return before it completes
 * (Kafka's {@code send}: a future, a callback), "*" for every method: a loop of them waits on none unless it waits on
 * their futures. {@code statement}: its methods run a statement object another client made (JPA's {@code Query}, which an
 * EntityManager makes), so none of its calls makes one, and a run tells no text of its own.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ClientSignature(
    String id,
    ClientKind kind,
    String provider,
    List<String> types,
    List<String> typePatterns,
    List<String> methods,
    List<String> excludeMethods,
    List<String> readMethods,
    List<String> writeMethods,
    boolean fluent,
    boolean llm,
    boolean oneSitePerReceiver,
    boolean requiresHttpEvidence,
    boolean cacheStore,
    boolean sql,
    List<String> asyncMethods,
    boolean statement) {

  public ClientSignature {
    Objects.requireNonNull(id, "client id");
    Objects.requireNonNull(kind, "client kind of " + id);
    provider = provider == null ? id : provider;
    types = List.copyOf(Objects.requireNonNull(types, "types of client " + id));
    typePatterns = typePatterns == null ? List.of() : List.copyOf(typePatterns);
    methods = methods == null ? List.of("*") : List.copyOf(methods);
    excludeMethods = excludeMethods == null ? List.of() : List.copyOf(excludeMethods);
    readMethods = readMethods == null ? List.of() : List.copyOf(readMethods);
    writeMethods = writeMethods == null ? List.of() : List.copyOf(writeMethods);
    asyncMethods = asyncMethods == null ? List.of() : List.copyOf(asyncMethods);
  }

  /** Whether a call of the method hands its round trip to the client's threads ({@code asyncMethods}; "*" = every one). */
  public boolean startsAsync(String name) {
    return asyncMethods.contains("*") || asyncMethods.contains(name);
  }

  public boolean matchesMethod(String name) {
    return !excludeMethods.contains(name) && (methods.contains("*") || methods.contains(name));
  }

  /** Whether a qualified name that the solver could not confirm matches one of {@code typePatterns}. */
  public boolean matchesTypePattern(String qualifiedName) {
    for (String pattern : typePatterns) {
      if (MATCHES.computeIfAbsent(pattern, p -> new java.util.concurrent.ConcurrentHashMap<>())
          .computeIfAbsent(qualifiedName, name -> globToRegex(pattern).matcher(name).matches())) {
        return true;
      }
    }
    return false;
  }

  /** Answers by glob and name: the same few receiver types are asked about in every file. */
  private static final java.util.Map<String, java.util.Map<String, Boolean>> MATCHES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Compiled once per glob: matching runs for every candidate call of every file. */
  private static final java.util.Map<String, java.util.regex.Pattern> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static java.util.regex.Pattern globToRegex(String glob) {
    return COMPILED.computeIfAbsent(glob, ClientSignature::compile);
  }

  private static java.util.regex.Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return java.util.regex.Pattern.compile(regex.toString());
  }

  public boolean anyMethod() {
    return methods.contains("*");
  }

  /** Read/write of a call by its method name alone; null when the SQL or HTTP method must decide. */
  public Boolean readsByMethod(String name) {
    if (readMethods.contains(name)) {
      return Boolean.TRUE;
    }
    if (writeMethods.contains(name)) {
      return Boolean.FALSE;
    }
    return null;
  }
}
