package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteApiCallRuleTest {
  @TempDir Path dir;

  /**
   * Trial 80: {@code builder.build().getForObject(..)} on a {@code RestTemplateBuilder} was no finding (the same call
   * through a local {@code RestTemplate} was): the client a builder makes, by the builder's name, where the file
   * imports no client package. Beside it, a builder of something the catalogue does not name is no client.
   */
  @Test
  void aClientABuilderMakesInTheSameChainIsAClient() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.boot.web.client.RestTemplateBuilder;
        class Items {
          private final RestTemplateBuilder builder;
          private final QueryBuilder queries = new QueryBuilder();
          Items(RestTemplateBuilder builder) { this.builder = builder; }
          String item(String id) {
            return builder.build().getForObject("http://items.example.com/items/{id}", String.class, id);
          }
          String local(String id) {
            return queries.build().getForObject("items", id);
          }
        }
        """).java("""
        package shop;
        class QueryBuilder {
          Query build() { return new Query(); }
        }
        """).java("""
        package shop;
        class Query {
          String getForObject(String table, String id) { return table + id; }
        }
        """).findings(Category.API_CALL);
    assertEquals(List.of("item()"), findings.stream().map(f -> f.enclosingMethod().replaceAll("\\(.*", "()")).toList(),
        findings.toString());
    assertEquals("http://items.example.com/items/{id}", findings.get(0).details().get("url"));
  }

  /**
   * An OkHttp server-sent-events stream opened with {@code newEventSource} is a remote call where it is opened, from a
   * factory kept in a field or made in place (chatgpt-java's streaming chat: the stream was no finding); it connects
   * on OkHttp's threads, so a loop opening one per element waits on none. Making the factory is no call.
   */
  @Test
  void anEventStreamIsARemoteCallWhereItIsOpenedAndWaitsOnNone() {
    String source = """
        package shop;
        import java.util.List;
        import okhttp3.OkHttpClient;
        import okhttp3.Request;
        import okhttp3.sse.EventSource;
        import okhttp3.sse.EventSourceListener;
        import okhttp3.sse.EventSources;
        class Streams {
          private final OkHttpClient client = new OkHttpClient();
          private final EventSource.Factory factory = EventSources.createFactory(client);
          void kept(Request request, EventSourceListener listener) {
            factory.newEventSource(request, listener);
          }
          void inPlace(Request request, EventSourceListener listener) {
            EventSources.createFactory(client).newEventSource(request, listener);
          }
          void each(List<Request> requests, EventSourceListener listener) {
            for (Request request : requests) {
              factory.newEventSource(request, listener);
            }
          }
        }
        """;
    List<Finding> findings = new ProjectFixture(dir.resolve("api")).java(source).findings(Category.API_CALL);
    assertEquals(List.of("kept:12", "inPlace:15", "each:19"),
        findings.stream().map(f -> f.enclosingMethod().replaceAll("\\(.*", "") + ":" + f.line()).toList(),
        findings.toString());
    assertEquals(List.of(), new ProjectFixture(dir.resolve("loops")).java(source).findings(Category.IO_LOOP));
  }

  /**
   * An OkHttp call is one finding of unknown access, whatever its builder: reading the verb off the builder made
   * OkHttp reads cacheable, which hostile review 83 proved wrong three ways. {@code new Request.Builder().post(body)}
   * only builds: no JAX-RS Invocation.Builder call (a second finding before).
   */
  @Test
  void anOkHttpCallIsOneFindingOfUnknownAccess() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import okhttp3.OkHttpClient;
        import okhttp3.Request;
        import okhttp3.RequestBody;
        class Weather {
          private final OkHttpClient client = new OkHttpClient();
          String lagos(String key) throws Exception {
            Request request = new Request.Builder().url("https://api.example.com/weather?q=Lagos&appid=" + key).build();
            return client.newCall(request).execute().body().string();
          }
          String city(String city) throws Exception {
            Request request = new Request.Builder().url("https://api.example.com/weather?q=" + city).get().build();
            return client.newCall(request).execute().body().string();
          }
          String report(RequestBody body) throws Exception {
            Request request = new Request.Builder().post(body).url("https://api.example.com/reports").build();
            return client.newCall(request).execute().body().string();
          }
          String remove(String id) throws Exception {
            Request request = new okhttp3.Request.Builder().url("https://api.example.com/reports/" + id)
                .method("DELETE", null).build();
            return client.newCall(request).execute().body().string();
          }
          String given(Request request) throws Exception {
            return client.newCall(request).execute().body().string();
          }
          String kept(RequestBody body) throws Exception {
            Request.Builder builder = new Request.Builder().url("https://api.example.com/kept");
            builder.post(body);
            return client.newCall(builder.build()).execute().body().string();
          }
          String again(RequestBody body) throws Exception {
            Request request = new Request.Builder().url("https://api.example.com/again").build();
            request = request.newBuilder().post(body).build();
            return client.newCall(request).execute().body().string();
          }
        }
        """).findings(Category.API_CALL);
    // new Request.Builder().post(body) only builds: no JAX-RS Invocation.Builder's post() (a finding before)
    assertEquals(List.of("lagos=null", "city=null", "report=null", "remove=null", "given=null", "kept=null", "again=null"),
        findings.stream()
        .map(f -> f.enclosingMethod().replaceAll("\\(.*", "") + "=" + f.details().get("httpMethod")).toList(),
        findings.toString());
  }

  @Test
  void jdkHttpClientSendIsConfirmedByResolvedTypesWithVerbAndUrl() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        class Rates {
          private static final String RATES = "https://rates.example.com/v1/rates/";
          private final HttpClient http = HttpClient.newHttpClient();
          String rate(String currency) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(RATES + currency)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
          }
        }
        """).findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    Finding finding = findings.get(0);
    assertEquals("RemoteApiCall", finding.ruleId());
    assertEquals(Confidence.HIGH, finding.confidence());
    assertEquals("GET", finding.details().get("httpMethod"));
    assertEquals("https://rates.example.com/v1/rates/{currency}", finding.details().get("url"));
    assertEquals("rates.example.com", finding.details().get("host"));
    assertEquals(11, finding.line());
    assertEquals("shop.Rates", finding.enclosingClass());
    assertEquals("rate(String)", finding.enclosingMethod());
  }

  @Test
  void mapGetAndListGetAreNotApiCalls() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.net.http.HttpClient;
        import java.util.List;
        import java.util.Map;
        class Lookup {
          private final Map<String, String> names = Map.of("a", "b");
          private final HttpClient unused = HttpClient.newHttpClient();
          String name(String key, List<String> keys) {
            return names.get(key) + keys.get(0);
          }
        }
        """).findings(Category.API_CALL);
    assertEquals(List.of(), findings);
  }

  @Test
  void springRestTemplateWithoutJarsFallsBackToImportsAtMediumConfidence() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.web.client.RestTemplate;
        class Partners {
          private final RestTemplate rest = new RestTemplate();
          String partner(long id) {
            return rest.getForObject("https://partners.example.com/partners/{id}", String.class, id);
          }
          void notify(long id) {
            rest.postForObject("/partners/{id}/events", "hello", String.class, id);
          }
        }
        """).findings(Category.API_CALL);
    assertEquals(2, findings.size(), findings.toString());
    Finding get = findings.stream().filter(f -> "GET".equals(f.details().get("httpMethod"))).findFirst().orElseThrow();
    assertEquals(Confidence.MEDIUM, get.confidence());
    assertEquals("https://partners.example.com/partners/{id}", get.details().get("url"));
    Finding post = findings.stream().filter(f -> "POST".equals(f.details().get("httpMethod"))).findFirst().orElseThrow();
    assertEquals("write", post.details().get("access"));
    assertEquals(Severity.LOW, post.severity());
  }

  @Test
  void fluentRestClientChainIsOneCallReportedOnTheWholeChain() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.web.client.RestClient;
        class Tiers {
          private final RestClient client;
          Tiers(RestClient client) { this.client = client; }
          String tier(long id) {
            return client.get().uri("/customers/{id}/tier", id).retrieve().body(String.class);
          }
        }
        """).findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("GET", findings.get(0).details().get("httpMethod"));
    assertEquals("/customers/{id}/tier", findings.get(0).details().get("url"));
    assertTrue(findings.get(0).snippet().endsWith(".body(String.class)"), findings.get(0).snippet());
  }

  @Test
  void feignInterfaceMethodCallsAreApiCalls() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package shop;
            import org.springframework.cloud.openfeign.FeignClient;
            import org.springframework.web.bind.annotation.GetMapping;
            @FeignClient(name = "stock")
            interface StockClient {
              @GetMapping("/stock/{sku}")
              int stock(String sku);
            }
            """)
        .java("""
            package shop;
            class Shelf {
              private final StockClient stock;
              Shelf(StockClient stock) { this.stock = stock; }
              int available(String sku) { return stock.stock(sku); }
            }
            """)
        .findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("openfeign", findings.get(0).details().get("client"));
    assertEquals("GET", findings.get(0).details().get("httpMethod"));
    assertEquals("/stock/{sku}", findings.get(0).details().get("url"));
  }

  /**
   * A Retrofit method answering a {@code Call} builds the request; it is sent where the call is executed or enqueued: one
   * request, one finding (a trial's exchange API, whose 55 endpoints each gave two, one at the method and one at the
   * helper's {@code execute()}). The near miss: a method answering a future (an adapter's) sends the request itself.
   */
  @Test
  void aRetrofitCallIsSentWhereItIsExecutedNotWhereItIsBuilt() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package quotes;
            import java.util.concurrent.CompletableFuture;
            import retrofit2.Call;
            import retrofit2.http.GET;
            import retrofit2.http.Query;
            interface QuoteApi {
              @GET("/quote")
              Call<String> quote(@Query("symbol") String symbol);
              @GET("/latest")
              CompletableFuture<String> latest();
            }
            """)
        .java("""
            package quotes;
            import retrofit2.Call;
            class Quotes {
              private final QuoteApi api;
              Quotes(QuoteApi api) { this.api = api; }
              static <T> T sync(Call<T> call) throws java.io.IOException { return call.execute().body(); }
              String one(String symbol) throws java.io.IOException { return sync(api.quote(symbol)); }
              String two(String symbol) throws java.io.IOException { return api.quote(symbol).execute().body(); }
              void three(String symbol, retrofit2.Callback<String> callback) { api.quote(symbol).enqueue(callback); }
              Object four() { return api.latest(); }
              Call<String> call(String symbol) { return api.quote(symbol); }
              String five(String symbol) throws java.io.IOException { return call(symbol).execute().body(); }
            }
            """)
        .findings(Category.API_CALL);
    // the Call sent where it is built is that request, with the verb and path its method declares; one handed to a
    // helper is a Call the helper cannot tell the request of; one a project method builds and returns, executed by
    // its caller, is the request that method built
    assertEquals(List.of("five(String):retrofit-service:GET:/quote:null", "four():retrofit-service:GET:/latest:null",
        "sync(Call<T>):retrofit-call:null:null:null", "three:retrofit-service:GET:/quote:true",
        "two(String):retrofit-service:GET:/quote:null"),
        findings.stream().map(f -> (f.enclosingMethod().startsWith("three(") ? "three" : f.enclosingMethod()) + ":"
            + f.details().get("client") + ":" + f.details().get("httpMethod") + ":" + f.details().get("url") + ":"
            + f.details().get("async")).sorted().toList(), findings.toString());
  }

  /**
   * A declarative client's method answering a cold publisher (Retrofit's RxJava or Reactor adapter, a Micronaut or
   * MicroProfile client's {@code Single}, {@code Mono}, {@code Uni}) builds the request; it is sent where the
   * publisher is subscribed or blocked on, in the same method, through operators and a local given it once. Built and
   * handed on (returned to a reactive framework), the request starts where it is subscribed, which the method does
   * not show: the build stays its site, asynchronous. A publisher no declared client made is no request.
   * (A blind trial's OpenAI SDK: 45 requests each reported one line before the blockingGet() that sends it.)
   */
  @Test
  void aColdPublisherADeclaredClientAnswersIsSentWhereItIsSubscribed() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package chat;
            import io.reactivex.Single;
            import reactor.core.publisher.Mono;
            import retrofit2.http.Body;
            import retrofit2.http.GET;
            import retrofit2.http.POST;
            import retrofit2.http.Path;
            interface ChatApi {
              @GET("v1/models")
              Single<String> models();
              @GET("v1/models/{id}")
              Single<String> model(@Path("id") String id);
              @POST("v1/completions")
              Mono<String> complete(@Body String prompt);
            }
            """)
        .java("""
            package chat;
            import io.reactivex.Single;
            import reactor.core.publisher.Mono;
            class Chat {
              private final ChatApi api;
              Chat(ChatApi api) { this.api = api; }
              String models() {
                Single<String> models = this.api.models();
                return models.blockingGet();
              }
              int modelLength(String id) { return api.model(id).map(String::length).blockingGet(); }
              void complete(String prompt) { api.complete(prompt).subscribe(System.out::println); }
              Single<String> handedOn(String id) { return api.model(id); }
              String computed() { return Single.just("x").map(String::trim).blockingGet(); }
              String either(boolean all, String id) {
                if (all) {
                  Single<String> answer = api.models();
                  return answer.blockingGet();
                }
                Single<String> answer = api.model(id);
                return answer.blockingGet();
              }
            }
            """)
        .findings(Category.API_CALL);
    assertEquals(List.of(
            "complete(String):12:POST:v1/completions:true",
            // two locals of one name, one per branch: each sent where it is blocked on
            "either(boolean, String):18:GET:v1/models:null",
            "either(boolean, String):21:GET:v1/models/{id}:null",
            "handedOn(String):13:GET:v1/models/{id}:true",
            "modelLength(String):11:GET:v1/models/{id}:null",
            "models():9:GET:v1/models:null"),
        findings.stream().map(f -> f.enclosingMethod() + ":" + f.line() + ":" + f.details().get("httpMethod")
            + ":" + f.details().get("url") + ":" + f.details().get("async")).sorted().toList(), findings.toString());
  }

  /**
   * The verb a generic mapping's method member names is the one sent (hostile review 53's U5: a
   * {@code @RequestMapping(method = POST)}, an {@code @HttpExchange(method = "POST")} or Retrofit's
   * {@code @HTTP(method = "POST")} named getPrice was read as a GET by its name).
   */
  @Test
  void aGenericMappingsMethodMemberIsTheVerbSent() {
    for (String mapping : List.of("@RequestMapping(method = RequestMethod.POST, value = \"/stock/{sku}\")",
        "@org.springframework.web.service.annotation.HttpExchange(method = \"POST\", url = \"/stock/{sku}\")",
        "@RequestMapping(method = {RequestMethod.GET, RequestMethod.POST}, value = \"/stock/{sku}\")")) {
      Path project = dir.resolve("p" + Math.abs(mapping.hashCode()));
      List<Finding> findings = new ProjectFixture(project)
          .java("""
              package shop;
              import org.springframework.cloud.openfeign.FeignClient;
              import org.springframework.web.bind.annotation.RequestMapping;
              import org.springframework.web.bind.annotation.RequestMethod;
              @FeignClient(name = "stock")
              interface StockClient {
                MAPPING
                int getStock(String sku);
              }
              """.replace("MAPPING", mapping))
          .java("""
              package shop;
              class Shelf {
                private final StockClient stock;
                Shelf(StockClient stock) { this.stock = stock; }
                int available(String sku) { return stock.getStock(sku); }
              }
              """)
          .findings(Category.API_CALL);
      assertEquals(1, findings.size(), findings.toString());
      assertEquals(mapping.contains("GET") ? "UNKNOWN" : "POST", findings.get(0).details().get("httpMethod"), mapping);
      assertEquals("write", String.valueOf(findings.get(0).details().get("access")).toLowerCase(java.util.Locale.ROOT),
          findings.get(0).details().toString());
    }
  }

  @Test
  void llmSdkCallIsHighSeverity() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import dev.langchain4j.model.chat.ChatLanguageModel;
        class Summaries {
          private final ChatLanguageModel model;
          Summaries(ChatLanguageModel model) { this.model = model; }
          String summarize(String text) { return model.generate("Summarize: " + text); }
        }
        """).findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(Severity.HIGH, findings.get(0).severity());
    assertEquals(Boolean.TRUE, findings.get(0).details().get("llm"));
  }

  @Test
  void sameNamedMethodOnAnUnrelatedProjectTypeIsNotAnApiCall() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package shop;
            class Mailer {
              String send(String request, String handler) { return request + handler; }
            }
            """)
        .java("""
            package shop;
            class Notifier {
              private final Mailer mailer = new Mailer();
              String notifyAll(String text) { return mailer.send(text, "x"); }
            }
            """)
        .findings(Category.API_CALL);
    assertEquals(List.of(), findings);
  }

  @Test
  void urlsThatMayBeFilesOrJarsAreNotRemoteCallsUnlessKnownToBeHttp() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.io.InputStream;
        import java.net.HttpURLConnection;
        import java.net.URI;
        import java.net.URL;
        import java.net.URLConnection;
        class Resources {
          boolean exists(URL url) throws Exception {
            URLConnection con = url.openConnection();
            HttpURLConnection http = (con instanceof HttpURLConnection h ? h : null);
            if (http != null) {
              return http.getResponseCode() == 200;
            }
            try (InputStream in = con.getInputStream()) { return true; }
          }
          byte[] read(URL url) throws Exception {
            try (InputStream in = url.openStream()) { return in.readAllBytes(); }
          }
          int status(String id) throws Exception {
            HttpURLConnection http = (HttpURLConnection) URI.create("https://api.example.com/items/" + id).toURL().openConnection();
            int code = http.getResponseCode();
            try (InputStream in = http.getInputStream()) { return code; }
          }
        }
        """).findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("status(String)", findings.get(0).enclosingMethod());
    assertEquals("https://api.example.com/items/{id}", findings.get(0).details().get("url"));
  }

  @Test
  void aJaxRsChainIsOneFindingAtItsRequestAndBuildingATargetIsNone() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import jakarta.ws.rs.client.Client;
        import jakarta.ws.rs.client.ClientBuilder;
        import jakarta.ws.rs.client.WebTarget;
        class Prices {
          private final Client client = ClientBuilder.newClient();
          private final WebTarget items = client.target("https://prices.example.org").path("items");
          String price(String id) {
            return items.path(id).request().get(String.class);
          }
          String fresh(String id) {
            return client.target("https://prices.example.org").path("items").path(id).request().get(String.class);
          }
          WebTarget only(String id) {
            return client.target("https://prices.example.org").path(id);
          }
        }
        """).findings(Category.API_CALL);
    assertEquals(List.of("price(String)", "fresh(String)"), findings.stream().map(Finding::enclosingMethod).toList(),
        findings.toString());
    assertEquals("https://prices.example.org", findings.get(1).details().get("url"));
    assertTrue(findings.get(1).message().contains("request()"), findings.get(1).message());
  }

  @Test
  void anInterfaceDeclaringHttpRequestsIsAClientButAResourceTheProjectImplementsIsNot() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import io.micronaut.http.annotation.Get;
        import io.micronaut.http.client.annotation.Client;
        @Client("https://rates.example.com")
        public interface RatesClient {
          @Get("/rates/{currency}")
          String rate(String currency);
        }
        """).java("""
        package shop;
        import jakarta.ws.rs.GET;
        import jakarta.ws.rs.Path;
        @Path("/orders")
        public interface OrdersResource {
          @GET
          String orders();
        }
        """).java("""
        package shop;
        public class OrdersEndpoint implements OrdersResource {
          public String orders() { return "[]"; }
        }
        """).java("""
        package shop;
        public class Quotes {
          private final RatesClient rates;
          private final OrdersResource orders = new OrdersEndpoint();
          public Quotes(RatesClient rates) { this.rates = rates; }
          public String quote(String currency) { return rates.rate(currency) + orders.orders(); }
        }
        """).findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("GET", findings.get(0).details().get("httpMethod"));
    assertTrue(findings.get(0).message().contains("rate()"), findings.get(0).message());
  }

  private static String pom(String artifact, String packaging, String... dependencies) {
    StringBuilder xml = new StringBuilder("<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId>"
        + "<artifactId>" + artifact + "</artifactId><version>1</version><packaging>" + packaging
        + "</packaging><dependencies>");
    for (String dependency : dependencies) {
      xml.append("<dependency><groupId>shop</groupId><artifactId>").append(dependency)
          .append("</artifactId><version>1</version></dependency>");
    }
    return xml.append("</dependencies></project>").toString();
  }

  /**
   * An interface the project implements in one application and calls in another, which no module deploys together
   * (a blind trial's JACQ: the client WAR's RESTEasy proxies of JAX-RS interfaces the service WAR implements with JPA):
   * the client's call is an HTTP request, not the server's query. Near miss: in the application that implements it,
   * the call runs the implementation.
   */
  private ProjectFixture sharedResource(String... appDependencies) {
    return new ProjectFixture(dir)
        .file("pom.xml", pom("parent", "pom"))
        .file("api/pom.xml", pom("api", "jar"))
        .file("api/src/main/java/shop/ItemResource.java", """
            package shop;
            import javax.ws.rs.GET;
            import javax.ws.rs.Path;
            import javax.ws.rs.QueryParam;
            @Path("/item")
            public interface ItemResource {
              @GET @Path("/load") String load(@QueryParam("id") long id);
            }
            """)
        .file("service/pom.xml", pom("service", "war", "api"))
        .file("service/src/main/java/shop/ItemEndpoint.java", """
            package shop;
            public class ItemEndpoint implements ItemResource {
              private final java.sql.Connection db;
              public ItemEndpoint(java.sql.Connection db) { this.db = db; }
              public String load(long id) {
                try (java.sql.PreparedStatement s = db.prepareStatement("select name from item where id = ?")) {
                  s.setLong(1, id);
                  java.sql.ResultSet rows = s.executeQuery();
                  return rows.next() ? rows.getString(1) : null;
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """)
        .file("service/src/main/java/shop/ItemReport.java", """
            package shop;
            public class ItemReport {
              private final ItemResource items;
              public ItemReport(ItemResource items) { this.items = items; }
              public String first() { return items.load(1L); }
            }
            """)
        .file("web/pom.xml", pom("web", appDependencies.length == 0 ? "war" : "jar", "api"))
        .file("web/src/main/java/shop/ItemPage.java", """
            package shop;
            public class ItemPage {
              private final ItemResource items;
              public ItemPage(ItemResource items) { this.items = items; }
              public String show(long id) { return items.load(id); }
              public java.util.List<String> showAll(java.util.List<Long> ids) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (Long id : ids) {
                  names.add(items.load(id));
                }
                return names;
              }
            }
            """)
        .file("app/pom.xml", pom("app", appDependencies.length == 0 ? "jar" : "war", appDependencies));
  }

  @Test
  void aCallOfAnInterfaceOnlyAnotherApplicationImplementsIsARemoteCall() {
    dev.optkit.analyzers.Assessment assessment = sharedResource().assess();
    List<Finding> findings = assessment.findings().stream().filter(f -> f.category() == Category.API_CALL).toList();
    assertEquals(List.of("web/src/main/java/shop/ItemPage.java GET", "web/src/main/java/shop/ItemPage.java GET"),
        findings.stream().map(f -> f.path() + " " + f.details().get("httpMethod")).toList(), findings.toString());
    // the loop waits on the request, not on the server's query
    List<Finding> loops = assessment.findings().stream().filter(f -> f.category() == Category.IO_LOOP).toList();
    assertEquals(List.of("SequentialIoLoop independent-remote-calls"), loops.stream()
        .map(f -> f.ruleId() + " " + f.details().get("classification")).toList(), loops.toString());
  }

  /** A test's fake of the interface beside the client answers none of the application's calls. */
  @Test
  void aTestFakeBesideTheClientIsNoImplementationOfItsCalls() {
    dev.optkit.analyzers.config.OptkitConfig d = dev.optkit.analyzers.config.OptkitConfig.defaults();
    List<Finding> findings = sharedResource()
        .file("web/src/test/java/shop/FakeItems.java", """
            package shop;
            public class FakeItems implements ItemResource {
              public String load(long id) { return "item " + id; }
            }
            """)
        .config(new dev.optkit.analyzers.config.OptkitConfig(d.include(), d.exclude(), true, d.rules(), d.cacheable(),
            d.analysis(), d.savings(), d.clients(), d.declaredClients(), d.cachePolicies(), d.loops(), d.cache()))
        .findings(Category.API_CALL);
    assertEquals(List.of("web/src/main/java/shop/ItemPage.java GET", "web/src/main/java/shop/ItemPage.java GET"),
        findings.stream().map(f -> f.path() + " " + f.details().get("httpMethod")).toList(), findings.toString());
  }

  /**
   * An interface declaring no request that only another application implements is a remote service all the same (a
   * blind trial's Dubbo {@code @Reference} fields: 159 calls unseen). Near misses: a functional interface, which a
   * lambda of the caller's may implement, and one an anonymous class of the caller's application implements.
   */
  @Test
  void anInterfaceOnlyAnotherApplicationImplementsIsARemoteServiceWithoutAnnotations() {
    String service = """
        package shop;
        public interface %s {
          String name(long id);
          %s
        }
        """;
    String endpoint = """
        package shop;
        public class %sEndpoint implements %s {
          private final java.sql.Connection db;
          public %sEndpoint(java.sql.Connection db) { this.db = db; }
          public String name(long id) {
            try (java.sql.Statement s = db.createStatement()) {
              java.sql.ResultSet rows = s.executeQuery("select name from item where id = " + id);
              return rows.next() ? rows.getString(1) : null;
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          }
          %s
        }
        """;
    List<Finding> findings = new ProjectFixture(dir)
        .file("pom.xml", pom("parent", "pom"))
        .file("api/pom.xml", pom("api", "jar"))
        .file("api/src/main/java/shop/Items.java", service.formatted("Items", "int count();"))
        .file("api/src/main/java/shop/Namer.java", service.formatted("Namer", ""))
        .file("api/src/main/java/shop/Labels.java", service.formatted("Labels", "int count();"))
        // overloads of one arity are two methods; Object's own, redeclared, none
        .file("api/src/main/java/shop/Store.java", service.formatted("Store", "String name(String key);"))
        .file("api/src/main/java/shop/Lookup.java", service.formatted("Lookup", "boolean equals(Object other);"))
        .file("service/pom.xml", pom("service", "war", "api"))
        .file("service/src/main/java/shop/ItemsEndpoint.java",
            endpoint.formatted("Items", "Items", "Items", "public int count() { return 0; }"))
        .file("service/src/main/java/shop/NamerEndpoint.java", endpoint.formatted("Namer", "Namer", "Namer", ""))
        .file("service/src/main/java/shop/LabelsEndpoint.java",
            endpoint.formatted("Labels", "Labels", "Labels", "public int count() { return 0; }"))
        .file("service/src/main/java/shop/StoreEndpoint.java",
            endpoint.formatted("Store", "Store", "Store", "public String name(String key) { return key; }"))
        .file("service/src/main/java/shop/LookupEndpoint.java", endpoint.formatted("Lookup", "Lookup", "Lookup", ""))
        // an unrelated interface of the same simple name, made anonymously beside the caller
        .file("web/src/main/java/shop/ui/Items.java", "package shop.ui;\npublic interface Items { int size(); }\n")
        .file("web/pom.xml", pom("web", "war", "api"))
        .file("web/src/main/java/shop/Page.java", """
            package shop;
            public class Page {
              private final Items items;
              private final Namer namer = id -> "item " + id;
              private final Labels labels = new Labels() {
                public String name(long id) { return "label " + id; }
                public int count() { return 1; }
              };
              private final Store store;
              private final Lookup lookup = id -> "looked up " + id;
              private final shop.ui.Items shown = new shop.ui.Items() { public int size() { return 0; } };
              public Page(Items items, Store store) { this.items = items; this.store = store; }
              public String show(long id) { return items.name(id) + namer.name(id) + labels.name(id) + items.toString(); }
              public String more(long id) { return store.name("k") + lookup.name(id) + shown.size(); }
            }
            """)
        .findings(Category.API_CALL);
    assertEquals(List.of("web/src/main/java/shop/Page.java items.name(id)",
        "web/src/main/java/shop/Page.java store.name(\"k\")"), findings.stream()
        .map(f -> f.path() + " " + f.snippet()).toList(), findings.toString());
  }

  /**
   * A client proxy a remoting library makes of an interface the project also implements is a request, not the
   * implementation: a JAX-WS port (a blind trial's jUDDI, pulling from other nodes) and a RESTEasy proxy made through a
   * generic helper handed the class (a blind trial's JACQ). Near miss: a bean looked up by the class is the project's
   * own object, its code runs in place.
   */
  @Test
  void aProxyARemotingLibraryMakesOfAnImplementedInterfaceIsARemoteCall() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        @javax.jws.WebService
        public interface Replication {
          @javax.jws.WebMethod String changes(String since);
        }
        """).java("""
        package shop;
        @javax.ws.rs.Path("/items")
        public interface Items {
          @javax.ws.rs.GET String load(long id);
        }
        """).java("""
        package shop;
        public class ReplicationImpl implements Replication, Items {
          private final java.sql.Connection db;
          public ReplicationImpl(java.sql.Connection db) { this.db = db; }
          public String changes(String since) { return read("select count(*) from change"); }
          public String load(long id) { return read("select name from item where id = " + id); }
          private String read(String sql) {
            try (java.sql.Statement s = db.createStatement()) {
              java.sql.ResultSet rows = s.executeQuery(sql);
              return rows.next() ? rows.getString(1) : null;
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        }
        """).java("""
        package shop;
        public interface Prices { String price(String id); }
        """).java("""
        package shop;
        public class PricesImpl implements Prices {
          private final org.springframework.jdbc.core.JdbcTemplate jdbc;
          public PricesImpl(org.springframework.jdbc.core.JdbcTemplate jdbc) { this.jdbc = jdbc; }
          public String price(String id) {
            return jdbc.queryForObject("select price from item where id = ?", String.class, id);
          }
        }
        """).java("""
        package shop;
        public class Services {
          static <T> T client(Class<T> type, String url) {
            return new org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder().build().target(url).proxy(type);
          }
          static Items items(String url) { return client(Items.class, url); }
        }
        """).java("""
        package shop;
        public class Puller {
          private final org.springframework.context.ApplicationContext context;
          public Puller(org.springframework.context.ApplicationContext context) { this.context = context; }
          Replication port(String url) throws Exception {
            javax.xml.ws.Service service = javax.xml.ws.Service.create(new java.net.URL(url), null);
            Replication port = service.getPort(Replication.class);
            return port;
          }
          public String pull(String url) throws Exception { return port(url).changes("0"); }
          public String item(String url) { return Services.items(url).load(1L); }
          public String local() { return context.getBean(Items.class).load(2L); }
          // a factory by a remoting name, of an interface declaring no request: the project's own object may answer
          public String bound(String id) { return made().price(id); }
          Prices made() { return com.google.gwt.core.client.GWT.create(Prices.class); }
        }
        """).assess().findings();
    assertEquals(List.of("pull(String) port(url).changes(\"0\")", "item(String) Services.items(url).load(1L)"),
        findings.stream().filter(f -> f.category() == Category.API_CALL)
            .map(f -> f.enclosingMethod() + " " + f.snippet()).toList(), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("CacheableReadMethod")
        && f.enclosingMethod().equals("bound(String)")), "the implementation's query is reached: " + findings);
  }

  @Test
  void aCallOfAnInterfaceImplementedInTheSameDeploymentRunsTheImplementation() {
    assertEquals(List.of(), sharedResource("web", "service").findings(Category.API_CALL));
  }

  /**
   * A base interface whose sub-interfaces, one per API version, declare each request (a trial's GitLab client: calls on
   * GitLabApiProxy, requests on V3GitLabApiProxy and V4GitLabApiProxy) is a request at each call. Near miss: a method
   * one sub-interface declares no request for stays no site.
   */
  @Test
  void aBaseInterfaceWhoseSubInterfacesDeclareTheRequestsIsAClient() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        interface ApiProxy {
          String project(String id);
          String describe();
        }
        """).java("""
        package shop;
        import jakarta.ws.rs.GET;
        import jakarta.ws.rs.Path;
        import jakarta.ws.rs.PathParam;
        @Path("/api/v3")
        interface V3ApiProxy extends ApiProxy {
          @GET @Path("/projects/{id}") String project(@PathParam("id") String id);
          String describe();
        }
        """).java("""
        package shop;
        import jakarta.ws.rs.GET;
        import jakarta.ws.rs.Path;
        import jakarta.ws.rs.PathParam;
        @Path("/api/v4")
        interface V4ApiProxy extends ApiProxy {
          @GET @Path("/projects/{id}") String project(@PathParam("id") String id);
          @GET @Path("/about") String describe();
        }
        """).java("""
        package shop;
        public class Client {
          private final ApiProxy api;
          Client(ApiProxy api) { this.api = api; }
          public String project(String id) { return api.project(id); }
          public String describe() { return api.describe(); }
        }
        """).findings(Category.API_CALL);
    assertEquals(List.of("project(String) GET"), findings.stream()
        .map(f -> f.enclosingMethod() + " " + f.details().get("httpMethod")).toList(), findings.toString());
  }

  @Test
  void buildingAClientIsNotACallAndAVarBuiltFromItsBuilderIsTyped() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import software.amazon.awssdk.regions.Region;
        import software.amazon.awssdk.services.s3.S3Client;
        import software.amazon.awssdk.services.s3.model.GetObjectRequest;
        import org.apache.hc.client5.http.impl.classic.HttpClients;
        public class Store {
          private final S3Client fixed = S3Client.create();
          public byte[] read(String key) {
            var s3 = S3Client.builder().region(Region.EU_WEST_1).build();
            return s3.getObjectAsBytes(GetObjectRequest.builder().bucket("b").key(key).build()).asByteArray();
          }
          public Object client() {
            return HttpClients.createDefault();
          }
        }
        """).findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).message().contains("getObjectAsBytes()"), findings.get(0).message());
  }

  @Test
  void aLangChain4jAiServiceInterfaceIsAClientOfTheModel() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import io.quarkiverse.langchain4j.RegisterAiService;
        @RegisterAiService
        public interface Assistant {
          String answer(String question);
        }
        """).java("""
        package shop;
        public class Helpdesk {
          private final Assistant assistant;
          public Helpdesk(Assistant assistant) { this.assistant = assistant; }
          public String reply(String question) { return assistant.answer(question); }
        }
        """).findings(Category.API_CALL);
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).message().contains("LangChain4j AI service"), findings.get(0).message());
  }

  /**
   * An unqualified call in a member class runs the enclosing class's method when the member class has none, declared
   * or inherited, as Java looks it up: a class implementing a project interface without such a method calls its outer
   * class's HTTP helper (a blind trial: {@code Remote implements Handler} calling {@code get("http://svc/" + id)} was no
   * remote call until the {@code implements} went). Near misses: an interface whose default method has the name is
   * the one run; a superclass the project does not declare may have it, so the call is not taken for the helper's; and
   * Object's methods ({@code toString()}) are every class's own, never the outer class's override.
   */
  @Test
  void anUnqualifiedCallInAMemberClassRunsTheEnclosingClassesMethod() {
    List<Finding> all = new ProjectFixture(dir).java("""
        package demo;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        public class Helper {
          static final HttpClient HTTP = HttpClient.newHttpClient();
          static String get(String url) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
          }
          interface Handler {
            void process(String id) throws Exception;
          }
          interface Local {
            default String get(String key) { return key; }
          }
          static class Remote implements Handler {
            public void process(String id) throws Exception {
              get("http://svc/remote/" + id);
            }
          }
          static class Cached implements Local {
            String read(String id) throws Exception {
              return get("http://svc/cached/" + id);
            }
          }
          static class Printed implements Handler {
            public void process(String id) throws Exception {
              for (String part : id.split(",")) {
                System.out.println(part + toString());
              }
            }
          }
          @Override
          public String toString() {
            try { return get("http://svc/printed"); } catch (Exception e) { return ""; }
          }
          static class Framed extends com.acme.Frame {
            String read(String id) throws Exception {
              return get("http://svc/framed/" + id);
            }
          }
        }
        """).assess().findings();
    assertEquals(List.of(), all.stream().filter(f -> f.category() == Category.IO_LOOP).toList());
    List<Finding> findings = all.stream().filter(f -> f.category() == Category.API_CALL).toList();
    // the outer toString()'s own call is its finding; Printed's toString() is Object's, no call of it
    assertEquals(List.of("Helper.toString http://svc/printed", "Remote.process http://svc/remote/{id}"), findings.stream()
        .filter(f -> !f.enclosingMethod().startsWith("get("))
        .map(f -> f.enclosingClass().substring(f.enclosingClass().lastIndexOf('.') + 1) + "."
            + f.enclosingMethod().replaceAll("\\(.*", "") + " " + f.details().get("url"))
        .sorted().toList(), findings.toString());
  }
}
