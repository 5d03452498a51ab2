package dev.optkit.analyzers.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The client signatures optkit knows: the bundled catalogue plus the user's additions. Immutable;
 * lookups by type name and method name are map hits so the syntactic filter stays cheap.
 */
public final class ClientCatalog {
  private static final String BUNDLED = "/dev/optkit/analyzers/catalog/clients.yml";

  /**
   * The YAML shape of a catalogue file and of the {@code clients} part of {@code .optkit.yml}; {@code pendingRequests}
   * come from the bundled catalogue only.
   */
  public record CatalogFile(List<ClientSignature> clients, List<DeclaredClientSignature> declaredClients,
      List<PendingRequestSignature> pendingRequests) {
    public CatalogFile {
      clients = clients == null ? List.of() : List.copyOf(clients);
      declaredClients = declaredClients == null ? List.of() : List.copyOf(declaredClients);
      pendingRequests = pendingRequests == null ? List.of() : List.copyOf(pendingRequests);
    }

    public CatalogFile(List<ClientSignature> clients, List<DeclaredClientSignature> declaredClients) {
      this(clients, declaredClients, List.of());
    }
  }

  private final List<ClientSignature> clients;
  private final List<DeclaredClientSignature> declaredClients;
  private final Map<String, List<ClientSignature>> clientsByType = new HashMap<>();
  private final Map<String, List<ClientSignature>> clientsBySimpleType = new HashMap<>();
  private final Set<String> methodNames = new HashSet<>();
  private final Set<String> packages = new HashSet<>();
  private final Set<String> wildcardMethodTypes = new HashSet<>();
  /** The clients with type patterns, in catalogue order: every call with a declared receiver type asks about them. */
  private final List<ClientSignature> patternClients;
  private final Map<String, PendingRequestSignature> pendingByType = new HashMap<>();
  private final Set<String> sendNames = new HashSet<>();

  private ClientCatalog(List<ClientSignature> clients, List<DeclaredClientSignature> declaredClients,
      List<PendingRequestSignature> pendingRequests) {
    this.clients = List.copyOf(clients);
    this.declaredClients = List.copyOf(declaredClients);
    for (PendingRequestSignature pending : pendingRequests) {
      pending.types().forEach(type -> pendingByType.putIfAbsent(type, pending));
      sendNames.addAll(pending.waits());
      sendNames.addAll(pending.starts());
    }
    this.patternClients = this.clients.stream().filter(client -> !client.typePatterns().isEmpty()).toList();
    for (ClientSignature client : this.clients) {
      for (String type : client.types()) {
        clientsByType.computeIfAbsent(type, k -> new ArrayList<>()).add(client);
        clientsBySimpleType.computeIfAbsent(simpleName(type), k -> new ArrayList<>()).add(client);
        packages.add(packageOf(type));
        if (client.anyMethod()) {
          wildcardMethodTypes.add(type);
        }
      }
      methodNames.addAll(client.methods());
    }
    for (DeclaredClientSignature declared : this.declaredClients) {
      declared.typeAnnotations().forEach(a -> packages.add(packageOf(a)));
      declared.methodAnnotations().forEach(a -> packages.add(packageOf(a)));
      declared.superTypes().forEach(a -> packages.add(packageOf(a)));
    }
  }

  public static ClientCatalog bundled() {
    return withAdditions(new CatalogFile(List.of(), List.of()));
  }

  /** The bundled catalogue with the user's entries added; a user entry replaces a bundled one of the same id. */
  public static ClientCatalog withAdditions(CatalogFile additions) {
    CatalogFile bundled = readBundled();
    Map<String, ClientSignature> clients = new java.util.LinkedHashMap<>();
    bundled.clients().forEach(c -> clients.put(c.id(), c));
    additions.clients().forEach(c -> clients.put(c.id(), c));
    Map<String, DeclaredClientSignature> declared = new java.util.LinkedHashMap<>();
    bundled.declaredClients().forEach(c -> declared.put(c.id(), c));
    additions.declaredClients().forEach(c -> declared.put(c.id(), c));
    Map<String, PendingRequestSignature> pending = new java.util.LinkedHashMap<>();
    bundled.pendingRequests().forEach(p -> pending.put(p.id(), p));
    additions.pendingRequests().forEach(p -> pending.put(p.id(), p));
    return new ClientCatalog(new ArrayList<>(clients.values()), new ArrayList<>(declared.values()),
        new ArrayList<>(pending.values()));
  }

  private static CatalogFile readBundled() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = ClientCatalog.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled client catalogue missing: " + BUNDLED);
      }
      return yaml.readValue(in, CatalogFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled client catalogue unreadable", e);
    }
  }

  public List<ClientSignature> clients() {
    return clients;
  }

  public List<DeclaredClientSignature> declaredClients() {
    return declaredClients;
  }

  /** The pending request a value of exactly this qualified type holds, if the type is one ({@code retrofit2.Call}). */
  public Optional<PendingRequestSignature> pendingRequest(String qualifiedName) {
    return Optional.ofNullable(pendingByType.get(qualifiedName));
  }

  /** Cheap syntactic filter: can a call of this name send a pending request ({@code execute}, {@code blockingGet})? */
  public boolean isRequestSend(String name) {
    return sendNames.contains(name);
  }

  /** Cheap syntactic filter: can a call of this name be a client call on a named client type? */
  public boolean isCandidateMethod(String name) {
    return methodNames.contains(name);
  }

  /** Clients that accept any method (AWS, gRPC) and whose type patterns match this name. */
  public Optional<ClientSignature> matchPattern(String qualifiedName, String method) {
    for (ClientSignature client : patternClients) {
      if (client.matchesMethod(method)
          && client.matchesTypePattern(qualifiedName)) {
        return Optional.of(client);
      }
    }
    return Optional.empty();
  }

  /** Whether some client accepts any method name, so that receiver types alone decide. */
  public boolean hasAnyMethodClients() {
    return !wildcardMethodTypes.isEmpty();
  }

  /** Whether the client with this id reads a remote cache store (its reads are a cache already). */
  public boolean isCacheStore(String clientId) {
    return clients().stream().anyMatch(c -> c.id().equals(clientId) && c.cacheStore());
  }

  /**
   * Whether the client with this id runs SQL on a relational database (JDBC, jOOQ, Jdbi, MyBatis, R2DBC...): a site of
   * it whose SQL is not in the sources is one the index hints cannot decide, and say so.
   */
  public boolean runsSql(String clientId) {
    return clients().stream().anyMatch(c -> c.id().equals(clientId) && c.sql());
  }

  /** Clients declared for exactly this fully-qualified type. */
  public List<ClientSignature> clientsForType(String qualifiedName) {
    return clientsByType.getOrDefault(qualifiedName, List.of());
  }

  /** Clients whose type has this simple name, for import-aware fallbacks. */
  public List<ClientSignature> clientsForSimpleType(String simpleName) {
    return clientsBySimpleType.getOrDefault(simpleName, List.of());
  }

  /** The first client for any of the given types that accepts the method. */
  public Optional<ClientSignature> match(Iterable<String> qualifiedTypes, String method) {
    for (String type : qualifiedTypes) {
      for (ClientSignature client : clientsForType(type)) {
        if (client.matchesMethod(method)) {
          return Optional.of(client);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether an import names a catalogue package: the file may use a client even when types do not resolve. */
  public boolean isClientPackage(String packageName) {
    return packages.contains(packageName);
  }

  static String simpleName(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }

  static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
