package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.List;

@RuleInfo(
    id = "RemoteApiCall",
    title = "Remote API call",
    category = Category.API_CALL,
    severity = Severity.MEDIUM,
    summary = "A call to a remote HTTP, RPC, cloud or LLM API.",
    description = "Each call pays network latency and often money (paid APIs, LLM tokens). Matched against the "
        + "client catalogue (java.net.http, HttpURLConnection, Apache HttpClient, OkHttp, Spring RestTemplate/"
        + "WebClient/RestClient, Feign, Retrofit, JAX-RS, gRPC, AWS SDK v2, LLM SDKs, and your own entries) by the "
        + "receiver's resolved type, also when a getter of the project hands the client back; reads are cache "
        + "candidates, writes are listed for the inventory, and so is a read the project caches already (in a cached "
        + "method or one only such methods call), not priced. A project method that hands its String parameter to "
        + "such a client as the URL, directly or through further such methods, is an HTTP helper: each call of it "
        + "with URL text is a remote call of that URL, reported at that call. An interface a library implements at "
        + "run time (HTTP-annotated methods no project class implements) is a client too, and so, in a Maven build of "
        + "several applications, is an interface that only applications never deployed with the caller implement: "
        + "a client proxy of the other application's service (JAX-RS, Dubbo).",
    remediation = "Cache the enclosing read method (optkit migrate adds a bounded cache with a TTL), or batch "
        + "and parallelise calls made in loops.")
public final class RemoteApiCallRule extends IoSiteRule {
  public RemoteApiCallRule() {
    super(ClientKind.API);
  }

  @Override
  Finding describe(IndexedMethod method, IoSite site, boolean inLoop) {
    String verb = site.httpMethod() == null ? "" : site.httpMethod() + " ";
    String target = site.url() == null ? "" : " to " + site.url();
    String kind = site.llm() ? "LLM API call" : verb.isEmpty() ? "Remote API call" : "remote API call";
    Severity severity = site.llm() ? Severity.HIGH
        : site.access() == Access.WRITE || site.async() ? Severity.LOW : info().severity();
    return FindingDraft.in(info(), method, site.range(), site.snippet())
        .confidence(site.confidence())
        .severity(severity)
        .message(verb + kind + target + " via " + via(site) + " in " + method.fact().displayName()
            + (inLoop ? ", once per loop iteration" : ""))
        .detail("client", site.clientId())
        .detail("provider", site.provider())
        .detail("receiverType", site.receiverType())
        .detail("httpMethod", site.httpMethod())
        .detail("url", site.url())
        .detail("host", site.host())
        .detail("access", site.access().id())
        .detail("llm", site.llm() ? Boolean.TRUE : null)
        .detail("async", site.async() ? Boolean.TRUE : null)
        .detail("inLoop", inLoop)
        .detail("basis", site.basis())
        .fix(false, "fixed by caching the enclosing method (rule CacheableReadMethod) where its inputs make a key")
        .refused(java.util.Optional.of(CacheableReadMethodRule.WRITE_SITE).filter(write -> site.access() == Access.WRITE))
        .basis(site.access() == Access.WRITE ? Finding.SavingsBasis.NONE
            : new Finding.SavingsBasis(Finding.Remedy.CACHE, List.of(site)))
        .build();
  }
}
