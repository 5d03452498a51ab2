package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.index.ReachedIo;

/** How a finding names an I/O call a method reaches: the client and call, what it reads or writes, and the path to it. */
final class ReachedSites {
  private ReachedSites() {}

  /**
   * {@code java.net.http HttpClient send() [{base}/prices/{sku}] via Quotes.fetch}; a call that sends a request with a
   * verb that writes names it first ({@code POST Spring RestTemplate exchange() [...]}).
   */
  static String describe(ReachedIo reached, int messageDepth, boolean withVerb) {
    var site = reached.site();
    String verb = withVerb && site.httpMethod() != null && !site.httpMethod().isEmpty() ? site.httpMethod() + " " : "";
    String what = verb + site.provider() + " " + site.method() + "()"
        + (site.url() != null ? " [" + site.url() + "]" : "")
        + (site.sql() != null ? " [" + DatabaseQueryRule.abbreviate(site.sql()) + "]" : "");
    return reached.direct() ? what : what + " via " + reached.chain(messageDepth);
  }
}
