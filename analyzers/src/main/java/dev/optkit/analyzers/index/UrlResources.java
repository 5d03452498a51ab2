package dev.optkit.analyzers.index;

import java.util.Locale;

/**
 * Remote resources as footprints name them ({@code url:<service><path>}): which service a name says, what a write
 * to a URL changes, whether a write to one URL may change a read of another.
 */
final class UrlResources {
  private UrlResources() {}

  /**
   * What a write to a URL may change: the resource it names and, as REST APIs go, the resource
   * above it with all that hangs below (a POST to /accounts/{id}/deposits changes
   * /accounts/{id}/balance). A write to a top-level path keeps its own path, which already
   * covers everything below it.
   */
  static String writtenResource(String written) {
    String service = service(written);
    String path = written.substring(4 + service.length());
    int verb = path.lastIndexOf(':');
    if (verb > path.lastIndexOf('/')) {
      path = path.substring(0, verb); // a custom method (POST /v1/accounts:batchDeposit) acts on its resource
    }
    int last = path.lastIndexOf('/');
    String parent = last <= 0 ? path : path.substring(0, last);
    return "url:" + service + (parent.chars().filter(c -> c == '/').count() >= 2 ? parent : path);
  }
  /**
   * The service a URL name says it is sent to ({@code //stats-server:9090}, {@code //client:a.b.StatsClient}),
   * or "" when it does not say (a path only, a base URL set elsewhere).
   */
  static String service(String name) {
    String rest = name.substring(4);
    if (!rest.startsWith("//")) {
      return "";
    }
    int path = rest.indexOf('/', 2);
    return path < 0 ? rest : rest.substring(0, path);
  }
  /**
   * Whether a write to one URL may change a read of the other. Two requests to one service may
   * always: a service's resources hang together in ways its paths do not show (a POST /hit changes
   * GET /views/{id}), so the same host, or the same declared client (a Feign interface), overlaps
   * whatever the paths; two different services never do. Where either names no service, one
   * resource path is a prefix of the other, segment by segment, placeholders matching anything.
   */
  static boolean overlap(String a, String b) {
    String serviceA = service(a);
    String serviceB = service(b);
    if (!serviceA.isEmpty() && !serviceB.isEmpty()) {
      return serviceA.equals(serviceB);
    }
    String[] left = a.substring(4 + serviceA.length()).split("/");
    String[] right = b.substring(4 + serviceB.length()).split("/");
    if (left.length > 0 && left[0].equals("*") || right.length > 0 && right[0].equals("*")) {
      return true; // a base URL built at run time may hold any prefix ("${host}/v1")
    }
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      if (!left[i].equals(right[i]) && !left[i].equals("*") && !right[i].equals("*")) {
        return false;
      }
    }
    return true;
  }
  /** The path of a URL template, placeholders as {@code *}, without scheme, host or query. */
  static String resourcePath(String url) {
    String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    path = path.replaceAll("\\{[^}]*}", "*").toLowerCase(Locale.ROOT);
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
