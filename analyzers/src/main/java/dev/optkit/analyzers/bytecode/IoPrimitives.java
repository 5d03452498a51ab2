package dev.optkit.analyzers.bytecode;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.facts.Access;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The calls in library bytecode that are I/O themselves: opening a socket or socket channel,
 * {@code java.net.http.HttpClient.send}, a request on an {@code HttpURLConnection}, running a JDBC
 * statement, and the entry points of the catalogued clients. A plain {@code URLConnection} or
 * {@code URL.openStream} is not one: libraries read their own resources (jar:, file:) that way.
 */
final class IoPrimitives {
  /** What a primitive call is: its kind, what it names in a finding, and read or write where known. */
  record Primitive(ClientKind kind, String basis, Access access, boolean socket) {
    Primitive(ClientKind kind, String basis, Access access) {
      this(kind, basis, access, false);
    }
  }

  /** Packages of database drivers: a socket opened by their code is the database's protocol. */
  private static final List<String> DRIVER_PACKAGES = List.of(
      "org/postgresql/", "com/mysql/", "org/mariadb/", "oracle/jdbc/", "oracle/net/", "com/microsoft/sqlserver/",
      "com/ibm/db2/", "org/h2/", "org/hsqldb/", "org/apache/derby/", "org/sqlite/", "com/mongodb/",
      "com/datastax/", "org/neo4j/driver/", "io/r2dbc/", "org/firebirdsql/", "com/clickhouse/", "net/snowflake/");

  private static final Set<String> SOCKETS = Set.of("java/net/Socket", "javax/net/ssl/SSLSocket");
  private static final Set<String> HTTP_CONNECTIONS = Set.of("java/net/HttpURLConnection", "javax/net/ssl/HttpsURLConnection");
  private static final Set<String> HTTP_REQUESTS = Set.of("connect", "getInputStream", "getOutputStream", "getResponseCode");
  private static final Set<String> STATEMENTS = Set.of("java/sql/Statement", "java/sql/PreparedStatement", "java/sql/CallableStatement");

  private final ClientCatalog catalog;
  /** The catalogue's clients by internal type name: asked for every ancestor of every call's owner. */
  private final java.util.Map<String, List<ClientSignature>> clientsByType = new java.util.HashMap<>();

  IoPrimitives(ClientCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The primitive a call is, given the owner's supertypes (internal names, the owner first) as far
   * as the jars and the JDK's well-known types tell; {@link #madeBy} then says what it is for its caller.
   */
  Optional<Primitive> of(JarGraph.Call call, List<String> ownerAndAncestors) {
    String name = call.name();
    for (String type : ownerAndAncestors) {
      if (SOCKETS.contains(type)) {
        // new Socket(host, port) connects; new Socket() and new Socket(proxy) do not yet
        boolean connects = name.equals("connect") || name.equals("<init>") && !call.descriptor().equals("()V")
            && !call.descriptor().equals("(Ljava/net/Proxy;)V") && !call.descriptor().equals("(Ljava/net/SocketImpl;)V");
        return connects ? remote(name.equals("connect") ? "java.net.Socket.connect" : "new java.net.Socket")
            : Optional.empty();
      }
      if (type.equals("java/nio/channels/SocketChannel")) {
        boolean connects = name.equals("connect") || name.equals("open") && call.descriptor().startsWith("(Ljava/net/SocketAddress;");
        return connects ? remote("java.nio.channels.SocketChannel." + name) : Optional.empty();
      }
      if (type.equals("java/nio/channels/AsynchronousSocketChannel")) {
        return name.equals("connect") ? remote("java.nio.channels.AsynchronousSocketChannel.connect") : Optional.empty();
      }
      if (HTTP_CONNECTIONS.contains(type)) {
        return HTTP_REQUESTS.contains(name)
            ? Optional.of(new Primitive(ClientKind.API, "java.net.HttpURLConnection." + name,
                name.equals("getOutputStream") ? Access.WRITE : Access.READ))
            : Optional.empty();
      }
      if (STATEMENTS.contains(type)) {
        return name.startsWith("execute") ? Optional.of(new Primitive(ClientKind.DB, dotted(type) + "." + name,
            name.equals("executeQuery") ? Access.READ : name.equals("execute") ? Access.UNKNOWN : Access.WRITE))
            : Optional.empty();
      }
    }
    if (name.startsWith("<")) {
      return Optional.empty(); // a client's constructor builds it; it talks to nothing yet
    }
    for (String type : ownerAndAncestors) {
      for (ClientSignature client : clientsOf(type)) {
        // the catalogue's java.net URL entries need an http: URL to tell, which bytecode does not show
        if (client.matchesMethod(name) && !client.requiresHttpEvidence()) {
          Boolean reads = client.readsByMethod(name);
          return Optional.of(new Primitive(client.kind(), dotted(type) + "." + name,
              reads == null ? Access.UNKNOWN : reads ? Access.READ : Access.WRITE));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the catalogue names this type (an internal name) as a client, itself, not through its ancestors. */
  boolean namesClient(String type) {
    return !clientsOf(type).isEmpty();
  }

  private List<ClientSignature> clientsOf(String type) {
    return clientsByType.computeIfAbsent(type, t -> catalog.clientsForType(dotted(t)));
  }

  private static Optional<Primitive> remote(String basis) {
    return Optional.of(new Primitive(ClientKind.API, basis, Access.UNKNOWN, true));
  }

  /**
   * What a primitive is for the class that calls it: a socket a database driver's own class opens
   * is the database's protocol, a database call; a statement a driver runs on itself (H2 linking a
   * schema) is its own work, none (null).
   */
  static Primitive madeBy(Primitive primitive, String caller) {
    if (primitive.kind() == ClientKind.DB && primitive.basis().startsWith("java.sql.") && driver(caller)) {
      return null;
    }
    if (primitive.socket()) {
      for (String driver : DRIVER_PACKAGES) {
        if (caller.startsWith(driver)) {
          return new Primitive(ClientKind.DB, primitive.basis() + " in the "
              + dotted(driver.substring(0, driver.length() - 1)) + " driver", Access.UNKNOWN, true);
        }
      }
    }
    return primitive;
  }

  private static boolean driver(String caller) {
    for (String driver : DRIVER_PACKAGES) {
      if (caller.startsWith(driver)) {
        return true;
      }
    }
    return false;
  }

  /** {@code com/acme/Outer$Inner} as source spells it, {@code com.acme.Outer.Inner}. */
  static String dotted(String internalName) {
    return internalName.replace('/', '.').replace('$', '.');
  }
}
