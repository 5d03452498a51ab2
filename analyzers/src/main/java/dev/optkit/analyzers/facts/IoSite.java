package dev.optkit.analyzers.facts;

import dev.optkit.analyzers.catalog.ClientKind;
import java.net.URI;
import java.util.Set;

/**
 * One place that performs remote or database I/O: a catalogue client call, or a call of a method
 * of a declared client (Feign interface, Spring Data repository...).
 *
 * @param receiverType the qualified type the call was matched on
 * @param async the call returns before the I/O completes (sendAsync, reactive without block)
 * @param deferred the call sits in a lambda handed to an executor, so it does not run inline
 * @param basis how a site the catalogue does not name was established: the I/O primitive the
 *     library's bytecode reaches ({@code java.net.Socket.connect}); null for catalogue sites
 * @param argumentCount how many arguments the site's call is given ({@code findByName(name)}: 1); -1 where the site is
 *     no call (a method reference, a query method's declaration, a site made by a rule)
 */
public record IoSite(
    ClientKind kind,
    String clientId,
    String provider,
    Access access,
    Confidence confidence,
    String receiverType,
    String method,
    String httpMethod,
    String url,
    String host,
    String sql,
    boolean llm,
    boolean async,
    boolean deferred,
    SourceRange range,
    String snippet,
    String basis,
    int argumentCount) {
  /** EntityManager and Session clients, whose query factories take JPQL or a criteria object. */
  public static final Set<String> JPA_QUERY_CLIENTS = Set.of("jpa-entity-manager", "hibernate-session");
  /** Query factories whose access their query tells: by its SQL when known, else by this and the chain. */
  public static final Set<String> JPA_QUERY_FACTORIES = Set.of("createQuery", "createNamedQuery", "createNativeQuery");

  /** A site the catalogue or the project's declarations name: nothing more to say of how it was found. */
  public IoSite(ClientKind kind, String clientId, String provider, Access access, Confidence confidence,
      String receiverType, String method, String httpMethod, String url, String host, String sql, boolean llm,
      boolean async, boolean deferred, SourceRange range, String snippet) {
    this(kind, clientId, provider, access, confidence, receiverType, method, httpMethod, url, host, sql, llm, async,
        deferred, range, snippet, null, -1);
  }

  /** A site found another way than the catalogue ({@code basis}), its call's arguments not counted. */
  public IoSite(ClientKind kind, String clientId, String provider, Access access, Confidence confidence,
      String receiverType, String method, String httpMethod, String url, String host, String sql, boolean llm,
      boolean async, boolean deferred, SourceRange range, String snippet, String basis) {
    this(kind, clientId, provider, access, confidence, receiverType, method, httpMethod, url, host, sql, llm, async,
        deferred, range, snippet, basis, -1);
  }

  /** The same site, its call given this many arguments. */
  public IoSite withArgumentCount(int count) {
    return new IoSite(kind, clientId, provider, access, confidence, receiverType, method, httpMethod, url, host, sql,
        llm, async, deferred, range, snippet, basis, count);
  }

  /**
   * Whether the site makes a query of an EntityManager or a Session ({@code em.createNativeQuery(sql)}): what its text
   * says it does is what it does, where its name alone would say "create".
   */
  public boolean makesJpaQuery() {
    return JPA_QUERY_CLIENTS.contains(clientId) && JPA_QUERY_FACTORIES.contains(method);
  }

  /** The host of a URL's text (placeholders read as any name), as a site's {@code host}; null for a path. */
  public static String hostOf(String url) {
    if (url == null || !url.startsWith("http")) {
      return null;
    }
    try {
      String cleaned = url.replaceAll("\\{[^}]*}", "x");
      return URI.create(cleaned).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
