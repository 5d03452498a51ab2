package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequentialIoLoopRuleTest {
  @TempDir Path dir;

  private static final String CLIENT = """
      package shop;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.concurrent.CompletableFuture;
      class PriceClient {
        private final HttpClient http = HttpClient.newHttpClient();
        String price(String sku) throws Exception {
          HttpRequest request = HttpRequest.newBuilder(URI.create("http://prices/" + sku)).build();
          return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
        CompletableFuture<HttpResponse<String>> priceAsync(String sku) {
          HttpRequest request = HttpRequest.newBuilder(URI.create("http://prices/" + sku)).build();
          return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        }
      }
      """;

  private static final String REPOSITORY = """
      package shop;
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.ResultSet;
      class ProductRepository {
        private Connection connection;
        String name(long id) throws Exception {
          try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM products WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getString(1) : null; }
          }
        }
      }
      """;

  private List<Finding> loops(String service) {
    return new ProjectFixture(dir).java(CLIENT).java(REPOSITORY).java(service).findings(Category.IO_LOOP);
  }

  /**
   * An N+1 of queries names a query, not the first I/O of the loop's body: a remote call before the query in the body
   * made a trial's loop "N+1 query ... runs RabbitMQ exchangeDeclare()".
   */
  /**
   * An outer loop around a loop that queries per element runs those queries again for each of its own elements:
   * batching the inner loop leaves a batch per outer element (blind trials' nested loops, the outer one unreported).
   * Near misses: an outer loop around a loop with no I/O, and one whose inner loop runs in a task handed to an executor.
   */
  /**
   * Two locals of one name with different types, in sibling scopes, are each their own type where they are used (the
   * first's type was taken for both: the second loop's query went unseen, its argument "a Pet" where the method takes
   * a Long).
   */
  @Test
  void aNameDeclaredTwiceHasTheTypeInScopeWhereItIsUsed() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        public class Pet extends org.springframework.data.jpa.domain.AbstractPersistable<Long> { public String name; }
        """).java("""
        package shop;
        public class PriceDao {
          private final org.springframework.jdbc.core.JdbcTemplate jdbc;
          public PriceDao(org.springframework.jdbc.core.JdbcTemplate jdbc) { this.jdbc = jdbc; }
          public Integer price(Long id) {
            return jdbc.queryForObject("select price from item where id = ?", Integer.class, id);
          }
          public Integer price(Pet pet) { return pet.name.length(); }
        }
        """).java("""
        package shop;
        import java.util.List;
        public class Totals {
          private final PriceDao dao;
          public Totals(PriceDao dao) { this.dao = dao; }
          public int sibling(List<Pet> pets, List<Long> ids) {
            int n = 0;
            for (Pet p : pets) { n += dao.price(p); }
            for (Long p : ids) { n += dao.price(p); }
            return n;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("sibling(List<Pet>, List<Long>) 9"), findings.stream()
        .map(f -> f.enclosingMethod() + " " + f.line()).toList(), findings.toString());
  }

  @Test
  void anOuterLoopAroundAQueryingLoopIsItselfAFinding() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class Orders {
          private final JdbcTemplate jdbc;
          private final java.util.concurrent.ExecutorService pool;
          public Orders(JdbcTemplate jdbc, java.util.concurrent.ExecutorService pool) { this.jdbc = jdbc; this.pool = pool; }
          public int total(List<List<Long>> orders) {
            int n = 0;
            for (List<Long> items : orders) {
              for (Long id : items) {
                n += jdbc.queryForObject("select price from item where id = ?", Integer.class, id);
              }
            }
            return n;
          }
          public int sizes(List<List<Long>> orders) {
            int n = 0;
            for (List<Long> items : orders) {
              for (Long id : items) { n += id.intValue(); }
            }
            return n;
          }
          public void later(List<List<Long>> orders) {
            for (List<Long> items : orders) {
              pool.submit(() -> {
                for (Long id : items) { jdbc.update("update item set seen = true where id = ?", id); }
              });
            }
          }
          // a stream in the header runs once; a loop that leaves after its first turn; a task kept for later
          public int header(List<Long> ids) {
            int n = 0;
            for (Integer price : ids.stream().map(id -> jdbc.queryForObject("select price from item where id = ?",
                Integer.class, id)).toList()) { n += price; }
            return n;
          }
          public int first(List<List<Long>> orders) {
            int n = 0;
            for (List<Long> items : orders) {
              for (Long id : items) { n += jdbc.queryForObject("select price from item where id = ?", Integer.class, id); }
              break;
            }
            return n;
          }
          private final List<Runnable> kept = new java.util.ArrayList<>();
          private void keep(Runnable task) { kept.add(task); }
          public void stored(List<List<Long>> orders) {
            for (List<Long> items : orders) {
              keep(() -> { for (Long id : items) { jdbc.update("update item set seen = true where id = ?", id); } });
            }
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("first(List<List<Long>>) 41 null", "header(List<Long>) 34 null",
        "later(List<List<Long>>) 27 null", "stored(List<List<Long>>) 50 null", "total(List<List<Long>>) 10 [11]",
        "total(List<List<Long>>) 11 null"), findings.stream().map(f -> f.enclosingMethod() + " " + f.line() + " "
            + f.details().get("innerLoops")).sorted().toList(), findings.toString());
  }

  @Test
  void anNPlusOneOfQueriesNamesAQueryWhateverComesFirstInTheBody() {
    List<Finding> found = loops("""
        package shop;
        import java.util.List;
        class Catalog {
          private final PriceClient prices = new PriceClient();
          private final ProductRepository products = new ProductRepository();
          void show(List<Long> ids) throws Exception {
            for (Long id : ids) {
              prices.price(String.valueOf(id));
              products.name(id);
            }
          }
        }
        """);
    assertEquals(List.of("N+1 query: enhanced-for loop in Catalog.show runs JDBC executeQuery() [SELECT name FROM "
        + "products WHERE id = ?] via ProductRepository.name once per iteration; batch it; each iteration also waits on "
        + "java.net.http HttpClient send() [http://prices/{sku}] via PriceClient.price, which batching leaves"),
        found.stream().map(Finding::message).toList());
  }

  @Test
  void aProjectClassNamedLikeAJavaLangTypeIsTheOneItsPackageMeans() {
    // Java looks a simple name up in the file's package before java.lang (JLS 6.4.1): this Process is shop.Process,
    // whose price(..) calls a remote API, not java.lang.Process
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT.replace("PriceClient", "Process")).java(REPOSITORY)
        .java(QUOTES.replace("PriceClient", "Process")).findings(Category.IO_LOOP);
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).details().get("perIteration").toString().contains("via Process.price"),
        findings.get(0).details().toString());
  }

  private static final String QUOTES = """
      package shop;
      import java.util.ArrayList;
      import java.util.List;
      class Quotes {
        private final PriceClient prices = new PriceClient();
        List<String> quote(List<String> skus) throws Exception {
          List<String> result = new ArrayList<>();
          for (String sku : skus) {
            result.add(prices.price(sku));
          }
          return result;
        }
      }
      """;

  @Test
  void independentRemoteCallsThroughAProjectMethodAreParallelizable() {
    List<Finding> findings = loops(QUOTES);
    assertEquals(1, findings.size(), findings.toString());
    Finding loop = findings.get(0);
    assertEquals("independent-remote-calls", loop.details().get("classification"));
    assertEquals(true, loop.details().get("independent"));
    assertEquals(true, loop.details().get("parallelizable"));
    assertEquals("enhanced-for", loop.details().get("loopKind"));
    assertTrue(loop.details().get("perIteration").toString().contains("via PriceClient.price"), loop.details().toString());
  }

  @Test
  void aLoopOverChunksOfTheKeysIsBatchedAlready() {
    // migrate's own JDBC batching, and the hand-written idiom: one round trip per chunk, not per key
    String chunks = """
        package shop;
        import java.util.List;
        class Prices {
          private final PriceClient prices = new PriceClient();
          void warm(List<String> skus) throws Exception {
            for (int from = 0; from < skus.size(); from += STEP) {
              prices.price(String.join(",", skus.subList(from, Math.min(from + STEP, skus.size()))));
            }
          }
          private static final int STEP = 100;
        }
        """;
    assertEquals(List.of(), loops(chunks));
    // the true twin: a counted loop over single keys is still a call per key
    assertEquals(1, loops(chunks.replace("from += STEP", "from++")).size());
  }

  /**
   * A call that runs only where a map filled before the loop, with a key for every element, has no answer: the shape
   * migrate's batched loops take (its fallback per repeated or unanswered id was read as N+1 again after --apply on
   * the Spring sample), and a prefetch written by hand. Each twin that breaks one condition is a call per element.
   */
  @Test
  void aFallbackOnlyWhereAPrefetchOfEveryElementMissedIsNoCallPerElement() {
    String prefetched = """
        package shop;
        import java.util.ArrayList;
        import java.util.LinkedHashMap;
        import java.util.List;
        import java.util.Map;
        class Names {
          private final ProductRepository products = new ProductRepository();
          List<String> names(List<Long> ids, List<Long> others) throws Exception {
            Map<Long, String> loaded = new LinkedHashMap<>();
            for (Long key : ids) {
              if (key != null) {
                loaded.put(key, null);
              }
            }
            loadAll(loaded);
            List<String> names = new ArrayList<>();
            for (Long id : ids) {
              names.add(loaded.containsKey(id) && loaded.get(id) != null ? loaded.remove(id) : products.name(id));
            }
            return names;
          }
          private void loadAll(Map<Long, String> into) {
          }
        }
        """;
    assertEquals(List.of(), loops(prefetched));
    String ifElse = prefetched.replace(
        "names.add(loaded.containsKey(id) && loaded.get(id) != null ? loaded.remove(id) : products.name(id));",
        "if (!loaded.containsKey(id)) { names.add(products.name(id)); } else { names.add(loaded.remove(id)); }");
    assertEquals(List.of(), loops(ifElse));
    // the twins: filled from another list, the call on a hit, the map emptied before the loop
    assertEquals(1, loops(prefetched.replace("for (Long key : ids)", "for (Long key : others)")).size());
    assertEquals(1, loops(prefetched.replace("? loaded.remove(id) : products.name(id)",
        "? products.name(id) : loaded.remove(id)")).size());
    assertEquals(1, loops(prefetched.replace("loadAll(loaded);", "loadAll(loaded);\n    loaded.clear();")).size());
    assertEquals(1, loops(ifElse.replace("if (!loaded.containsKey(id))", "if (loaded.containsKey(id))")).size());
  }

  @Test
  void queryPerIterationInAStreamIsAnNPlusOne() {
    List<Finding> findings = loops("""
        package shop;
        import java.util.List;
        class Names {
          private final ProductRepository products = new ProductRepository();
          List<String> names(List<Long> ids) {
            return ids.stream().map(id -> { try { return products.name(id); } catch (Exception e) { return null; } }).toList();
          }
        }
        """);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("n-plus-one-query", findings.get(0).details().get("classification"));
    assertEquals("stream", findings.get(0).details().get("loopKind"));
  }

  /**
   * A pipeline mapping each key to a query started asynchronously by a method reference ({@code map(mapper::getAsync)}),
   * its futures joined after it, sends every query before waiting on one, as the lambda {@code id -> mapper.getAsync(id)}
   * does (a trial's video catalogue: the reference's site was read as blocking, one reader for both since). The near
   * miss: the blocking {@code map(mapper::get)} is a query per key.
   */
  @Test
  void aQueryStartedAsynchronouslyByAMethodReferenceIsNoWaitPerElement() {
    String pipeline = """
        package shop;
        import com.datastax.driver.mapping.Mapper;
        import java.util.List;
        import java.util.stream.Collectors;
        class Videos {
          private final Mapper<String> mapper;
          Videos(Mapper<String> mapper) { this.mapper = mapper; }
          List<Object> previews(List<String> ids) {
            return ids.stream().map(mapper::getAsync).collect(Collectors.toList());
          }
        }
        """;
    assertEquals(List.of(), loops(pipeline));
    assertEquals(1, loops(pipeline.replace("mapper::getAsync", "mapper::get")).size());
    // each element's future joined as the pipeline reaches it: a wait per key all the same (a hostile review's case)
    assertEquals(1, loops(pipeline.replace(".map(mapper::getAsync)",
        ".map(mapper::getAsync).map(java.util.concurrent.CompletableFuture::join)")
        .replace("private final Mapper<String> mapper;", "private final Mapper<String> mapper;\n  // joined")).size());
  }

  /**
   * Kafka's {@code send} appends the record to the producer's batch for its own I/O thread and returns a future: a loop
   * of sends waits on none of them (a blind trial's Kafka copier, its loop reported as a wait per record). The near
   * miss: a loop getting each send's future waits on every record in its turn. Kafka's admin client queues every
   * request the same way.
   */
  @Test
  void aLoopOfSendsAClientRunsOnItsOwnThreadsWaitsOnNone() {
    String copier = """
        package shop;
        import java.util.List;
        import org.apache.kafka.clients.producer.KafkaProducer;
        import org.apache.kafka.clients.producer.ProducerRecord;
        class Copier {
          private final KafkaProducer<String, String> producer;
          Copier(KafkaProducer<String, String> producer) { this.producer = producer; }
          void copy(List<ProducerRecord<String, String>> records) throws Exception {
            for (ProducerRecord<String, String> record : records) {
              producer.send(record);
            }
            producer.flush();
          }
        }
        """;
    assertEquals(List.of(), new ProjectFixture(dir.resolve("sends")).java(copier).findings(Category.IO_LOOP));
    assertEquals(1, new ProjectFixture(dir.resolve("waits")).java(copier.replace("producer.send(record);",
        "producer.send(record).get();")).findings(Category.IO_LOOP).size());
    // every request of Kafka's admin client is queued for its network thread, its result a set of futures
    String topics = """
        package shop;
        import java.util.List;
        import org.apache.kafka.clients.admin.Admin;
        class Topics {
          private final Admin admin;
          Topics(Admin admin) { this.admin = admin; }
          void drop(List<String> names) throws Exception {
            for (String name : names) {
              admin.deleteTopics(List.of(name));
            }
          }
        }
        """;
    assertEquals(List.of(), new ProjectFixture(dir.resolve("queued")).java(topics).findings(Category.IO_LOOP));
    assertEquals(1, new ProjectFixture(dir.resolve("awaited")).java(topics.replace("admin.deleteTopics(List.of(name));",
        "admin.deleteTopics(List.of(name)).all().get();")).findings(Category.IO_LOOP).size());
  }

  /**
   * A loop that only builds cold publishers a declared client answers sends nothing in its turn: the requests go where
   * the publishers are subscribed, here all at once after the loop (a blind trial's repro of an RxJava Retrofit
   * client). The near misses: each one blocked on in the loop, directly or through a local given it, is a wait per
   * element; so is a Retrofit {@code Call} built and executed in the loop.
   */
  @Test
  void aLoopOnlyBuildingColdRequestsWaitsOnNone() {
    String api = """
        package shop;
        import io.reactivex.Single;
        import retrofit2.Call;
        import retrofit2.http.GET;
        import retrofit2.http.Query;
        interface ItemApi {
          @GET("items")
          Single<String> item(@Query("id") String id);
          @GET("items")
          Call<String> itemCall(@Query("id") String id);
        }
        """;
    String service = """
        package shop;
        import io.reactivex.Single;
        import java.util.ArrayList;
        import java.util.List;
        class Items {
          private final ItemApi api;
          Items(ItemApi api) { this.api = api; }
          int all(List<String> ids) {
            List<Single<String>> pending = new ArrayList<>();
            for (String id : ids) {
              pending.add(api.item(id));
            }
            return Single.zip(pending, parts -> parts.length).blockingGet();
          }
        }
        """;
    assertEquals(List.of(), new ProjectFixture(dir.resolve("built")).java(api).java(service).findings(Category.IO_LOOP));
    for (String body : List.of("pending.add(Single.just(api.item(id).blockingGet()));",
        "Single<String> one = api.item(id);\n      pending.add(Single.just(one.blockingGet()));",
        "pending.add(Single.just(api.itemCall(id).execute().body()));")) {
      List<Finding> found = new ProjectFixture(dir.resolve("sent" + Math.abs(body.hashCode())))
          .java(api).java(service.replace("pending.add(api.item(id));", body).replace("int all(List<String> ids) {",
              "int all(List<String> ids) throws java.io.IOException {"))
          .findings(Category.IO_LOOP);
      assertEquals(1, found.size(), body + ": " + found);
      assertEquals("items", found.get(0).basis().sites().get(0).url(), found.toString());
    }
  }

  /**
   * Overloads of one arity told apart by a reference type: a loop calling {@code transition(exercise, s)} runs the
   * overload taking the entity, which does no I/O, not the one taking its id, which reads it (a blind trial's top
   * finding named the id overload's query, and a loop calling only the entity overload was a false N+1). The near
   * miss: the loop calling the id overload reads once per element.
   */
  @Test
  void anOverloadTakingAnotherReferenceTypeIsNotTheMethodCalled() {
    String service = """
        package shop;
        import java.util.List;
        import java.util.UUID;
        class Exercise { UUID id; String state; }
        interface Exercises { Exercise findOneById(UUID id); }
        class Transitions {
          private final Exercises exercises;
          Transitions(Exercises exercises) { this.exercises = exercises; }
          void transition(UUID id, String state) { transition(exercises.findOneById(id), state); }
          void transition(Exercise exercise, String state) { exercise.state = state; }
          void all(List<Exercise> items) {
            for (Exercise item : items) {
              transition(item, "LIVE");
            }
          }
        }
        """;
    String repository = """
        package shop;
        import org.springframework.data.repository.Repository;
        interface ExerciseRepository extends Repository<Exercise, java.util.UUID>, Exercises {}
        """;
    assertEquals(List.of(), new ProjectFixture(dir.resolve("entity")).java(service).java(repository)
        .findings(Category.IO_LOOP));
    List<Finding> byId = new ProjectFixture(dir.resolve("id")).java(service.replace("List<Exercise> items",
        "List<UUID> items").replace("for (Exercise item : items)", "for (UUID item : items)")).java(repository)
        .findings(Category.IO_LOOP);
    assertEquals(1, byId.size(), byId.toString());
  }

  /**
   * A project method that returns the cold request a declared client's method built ({@code return api.item(id);}) hands
   * the request on unsent: the caller that blocks on it once per element waits on that request in every iteration.
   * The near miss: the same method, whose caller only collects what it returns, waits on none.
   */
  @Test
  void aColdRequestAProjectMethodReturnsIsSentWhereItsCallerSendsIt() {
    String api = """
        package shop;
        import io.reactivex.Single;
        import retrofit2.http.GET;
        import retrofit2.http.Query;
        interface ItemApi {
          @GET("items")
          Single<String> item(@Query("id") String id);
        }
        """;
    String service = """
        package shop;
        import io.reactivex.Single;
        import java.util.ArrayList;
        import java.util.List;
        class Items {
          private final ItemApi api;
          Items(ItemApi api) { this.api = api; }
          Single<String> one(String id) { return api.item(id); }
          Single<String> traced(String id) { return one(id); }
          List<Single<String>> all(List<String> ids) {
            List<Single<String>> pending = new ArrayList<>();
            for (String id : ids) {
              pending.add(one(id));
            }
            return pending;
          }
        }
        """;
    assertEquals(List.of(), new ProjectFixture(dir.resolve("handed")).java(api).java(service).findings(Category.IO_LOOP));
    for (String sent : List.of("one(id).blockingGet()", "traced(id).map(String::trim).blockingGet()")) {
      List<Finding> found = new ProjectFixture(dir.resolve("sent" + Math.abs(sent.hashCode())))
          .java(api).java(service.replace("pending.add(one(id));", "pending.add(Single.just(" + sent + "));"))
          .findings(Category.IO_LOOP);
      assertEquals(1, found.size(), sent + ": " + found);
      assertEquals("items", found.get(0).basis().sites().get(0).url(), found.toString());
      // one request, one remote call: where it was built, however many callers send it
      List<Finding> calls = new ProjectFixture(dir.resolve("api" + Math.abs(sent.hashCode())))
          .java(api).java(service.replace("pending.add(one(id));", "pending.add(Single.just(" + sent + "));"))
          .findings(Category.API_CALL);
      assertEquals(List.of(8), calls.stream().map(Finding::line).toList(), calls.toString());
    }
  }

  /**
   * The stream survey's E18 (hawkbit's {@code ListUtils.partition(ids, MAX).stream().map(chunk ->
   * repository.findAll(in chunk))}): a loop or pipeline over a library's partition of the keys is one
   * round trip per chunk, batched already. The twin over the keys themselves is a call per key.
   */
  @Test
  void aLoopOrPipelineOverAPartitionOfTheKeysIsBatchedAlready() {
    String partitioned = """
        package shop;
        import com.google.common.collect.Lists;
        import java.util.List;
        class Prices {
          private final PriceClient prices = new PriceClient();
          List<String> chunks(List<String> skus) {
            return Lists.partition(skus, 100).stream()
                .map(chunk -> { try { return prices.price(String.join(",", chunk)); } catch (Exception e) { return null; } })
                .toList();
          }
          void each(List<String> skus) throws Exception {
            for (List<String> chunk : Lists.partition(skus, 100)) {
              prices.price(String.join(",", chunk));
            }
          }
        }
        """;
    assertEquals(List.of(), loops(partitioned));
    List<Finding> perKey = loops(partitioned.replace("Lists.partition(skus, 100).stream()", "skus.stream()")
        .replace("String.join(\",\", chunk)", "chunk").replace("List<String> chunk : Lists.partition(skus, 100)",
            "String chunk : skus"));
    assertEquals(2, perKey.size(), perKey.toString());
  }

  /**
   * A loop migrate has batched: the rows are loaded before it, and the query in it runs only for a key the loading
   * missed ({@code loaded.containsKey(id) ? loaded.remove(id) : find(id)}): no round trip per element, so no finding
   * and no savings left to price (the bundled spring sample after {@code migrate --apply} still priced its two
   * batched loops at 90,000 calls a day). A map the loop fills itself, or a field, is a memo: each new key still
   * queries, and the loop is still one (as is a map nothing filled with every key before the loop:
   * aFallbackOnlyWhereAPrefetchOfEveryElementMissedIsNoCallPerElement).
   */
  @Test
  void aQueryOnlyForKeysTheLoadingBeforeTheLoopMissedIsBatchedAlready() {
    String batched = """
        package shop;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        class Names {
          private final ProductRepository products = new ProductRepository();
          private final Map<Long, String> remembered = new HashMap<>();
          void loadAll(Map<Long, String> into) throws Exception {
          }
          void batched(List<Long> ids) throws Exception {
            Map<Long, String> loaded = new HashMap<>();
            for (Long key : ids) {
              loaded.put(key, null);
            }
            loadAll(loaded);
            for (Long id : ids) {
              String name = loaded.containsKey(id) ? loaded.remove(id) : products.name(id);
              System.out.println(name);
            }
          }
          void memo(List<Long> ids) throws Exception {
            Map<Long, String> seen = new HashMap<>();
            for (Long id : ids) {
              String name = seen.containsKey(id) ? seen.get(id) : products.name(id);
              seen.put(id, name);
              System.out.println(name);
            }
          }
          void field(List<Long> ids) throws Exception {
            for (Long id : ids) {
              String name = remembered.containsKey(id) ? remembered.get(id) : products.name(id);
              System.out.println(name);
            }
          }
        }
        """;
    assertEquals(java.util.Set.of("memo(List<Long>)", "field(List<Long>)"), loops(batched).stream()
        .map(Finding::enclosingMethod).collect(java.util.stream.Collectors.toSet()));
  }

  /**
   * The stream survey's E19: a function after {@code findAny()}/{@code findFirst()} or on an
   * Optional runs once at most (jhipster's {@code ....findAny().ifPresent(t -> repository.deleteById(..))},
   * halo's {@code Optional.ofNullable(..).map(..).stream()}); the filter before it runs per element but
   * does no I/O. The twin handing the I/O to forEach is a call per element.
   */
  @Test
  void aFunctionRunOnAtMostOneElementIsNoLoop() {
    String once = """
        package shop;
        import java.util.List;
        import java.util.Optional;
        class Tokens {
          private final ProductRepository products = new ProductRepository();
          void first(List<Long> ids) {
            ids.stream().filter(id -> id > 10).findAny().ifPresent(id -> { try { products.name(id); } catch (Exception e) { } });
          }
          void lowest(List<Long> ids) {
            ids.stream().min(Long::compare).map(id -> { try { return products.name(id); } catch (Exception e) { return null; } });
          }
          List<String> maybe(Long id) {
            return Optional.ofNullable(id).map(i -> { try { return products.name(i); } catch (Exception e) { return null; } })
                .stream().toList();
          }
        }
        """;
    assertEquals(List.of(), loops(once));
    List<Finding> each = loops(once.replace(".findAny().ifPresent(", ".forEach(").replace(".min(Long::compare).map(", ".map("));
    assertEquals(2, each.size(), each.toString());
    assertTrue(each.stream().allMatch(f -> f.details().get("classification").equals("n-plus-one-query")), each.toString());
  }

  /**
   * A collector applies its key, value, classifier and mapping functions once per element
   * ({@code collect(toMap(sku -> sku, this::price))}, {@code groupingBy(f, mapping(.., toList()))}): a call per element,
   * as a map stage is; these were no findings (issue 24's left item). Its suppliers and finishers run once
   * ({@code toMap(k, v, merge, this::loadedMap)}, {@code collectingAndThen(toList(), this::remote)}), and a pure
   * collector is no loop.
   */
  @Test
  void aCollectorsFunctionRunsPerElement() {
    String collectors = """
        package shop;
        import static java.util.stream.Collectors.toMap;
        import java.util.List;
        import java.util.Map;
        import java.util.stream.Collectors;
        class Collected {
          private final PriceClient prices = new PriceClient();
          String price(String sku) { try { return prices.price(sku); } catch (Exception e) { return null; } }
          Map<String, String> byKey(List<String> skus) {
            return skus.stream().collect(toMap(sku -> sku, this::price));
          }
          Map<Integer, List<String>> grouped(List<String> skus) {
            return skus.stream().collect(Collectors.groupingBy(String::length, Collectors.mapping(s -> price(s), Collectors.toList())));
          }
        }
        """;
    List<Finding> each = loops(collectors);
    assertEquals(List.of("byKey", "grouped"), each.stream().map(f -> f.enclosingMethod().replaceAll("\\(.*", "")).sorted()
        .toList(), each.toString());
    String once = """
        package shop;
        import java.util.List;
        import java.util.Map;
        import java.util.TreeMap;
        import java.util.stream.Collectors;
        class Collected {
          private final PriceClient prices = new PriceClient();
          String price(String sku) { try { return prices.price(sku); } catch (Exception e) { return null; } }
          TreeMap<String, String> remoteMap() { price("all"); return new TreeMap<>(); }
          Map<String, Integer> byKey(List<String> skus) {
            return skus.stream().collect(Collectors.toMap(sku -> sku, String::length, (a, b) -> a, this::remoteMap));
          }
          String joined(List<String> skus) {
            return skus.stream().collect(Collectors.collectingAndThen(Collectors.joining(","), this::price));
          }
        }
        """;
    assertEquals(List.of(), loops(once));
  }

  /**
   * Hostile review 54: what an Optional unwraps (orElse, orElseGet, orElseThrow, get) is a value again,
   * and its stream() a collection's; a flatMap after a partition walks single keys again; a
   * partition of one is no batch; a project's own class named Optional is no Optional. Each of these
   * is a call per element. Beside them, shapes that run once at most or per chunk stay no findings.
   */
  @Test
  void whatAnOptionalUnwrapsOrAPartitionFlattensIsWalkedPerElementAgain() {
    String perElement = """
        package shop;
        import com.google.common.collect.Lists;
        import java.util.Collections;
        import java.util.List;
        import java.util.Optional;
        class Walks {
          private final PriceClient prices = new PriceClient();
          private String price(String sku) { try { return prices.price(sku); } catch (Exception e) { return null; } }
          List<String> orElse(List<String> skus) {
            return Optional.ofNullable(skus).orElse(Collections.emptyList()).stream().map(this::price).toList();
          }
          void orElseGet(List<String> skus, List<String> out) {
            Optional.ofNullable(skus).orElseGet(List::of).forEach(sku -> out.add(price(sku)));
          }
          List<String> firstThenItems(List<List<String>> orders) {
            return orders.stream().findFirst().orElseThrow().stream().map(sku -> price(sku)).toList();
          }
          List<String> flattened(List<String> skus) {
            return Lists.partition(skus, 100).stream().flatMap(List::stream).map(sku -> price(sku)).toList();
          }
          void chunksOfOne(List<String> skus) {
            Lists.partition(skus, 1).forEach(chunk -> price(chunk.get(0)));
          }
        }
        """;
    List<Finding> each = new ProjectFixture(dir.resolve("each")).java(CLIENT).java(perElement).findings(Category.IO_LOOP);
    assertEquals(5, each.size(), each.toString());
    String ownOptional = """
        package shop;
        import java.util.List;
        class Optional {
          private final List<String> values;
          private Optional(List<String> values) { this.values = values; }
          static Optional of(List<String> values) { return new Optional(values); }
          java.util.stream.Stream<String> stream() { return values.stream(); }
        }
        """;
    List<Finding> own = new ProjectFixture(dir.resolve("own")).java(CLIENT).java(ownOptional).java("""
        package shop;
        import java.util.List;
        class Own {
          private final PriceClient prices = new PriceClient();
          List<String> all(List<String> skus) {
            return Optional.of(skus).stream().map(sku -> { try { return prices.price(sku); } catch (Exception e) { return null; } }).toList();
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(1, own.size(), "the project's own Optional holds many: " + own);

    String atMostOnceOrPerChunk = """
        package shop;
        import static com.google.common.collect.Lists.partition;
        import java.util.List;
        class Once {
          private final PriceClient prices = new PriceClient();
          private String price(String sku) { try { return prices.price(sku); } catch (Exception e) { return null; } }
          java.util.Optional<String> qualified(String sku) {
            return java.util.Optional.of(sku).map(s -> price(s));
          }
          List<String> cheapest(List<String> skus) {
            return skus.stream().sorted().limit(1).map(s -> price(s)).toList();
          }
          List<String> qualifiedPartition(List<String> skus) {
            return com.google.common.collect.Lists.partition(skus, 100).stream().map(c -> price(String.join(",", c))).toList();
          }
          List<String> importedPartition(List<String> skus) {
            return partition(skus, 100).stream().map(c -> price(String.join(",", c))).toList();
          }
        }
        """;
    assertEquals(List.of(), new ProjectFixture(dir.resolve("once")).java(CLIENT).java(atMostOnceOrPerChunk)
        .findings(Category.IO_LOOP));
  }

  /**
   * The stream survey's conductor: another bean's {@code @Async} method, in an application that enables them,
   * runs on Spring's executor; a loop starting it per element and joining after it is no sequential loop. The
   * twins: the same call without {@code @EnableAsync} (Spring runs it in place), and a self-call (no proxy).
   */
  @Test
  void anotherBeansAsyncMethodRunsOnSpringsExecutor() {
    String sweeper = """
        package shop;
        import java.util.concurrent.CompletableFuture;
        import org.springframework.scheduling.annotation.Async;
        @org.springframework.stereotype.Service
        class Sweeper {
          private final PriceClient prices = new PriceClient();
          @Async
          public CompletableFuture<Void> sweepAsync(String sku) {
            try { prices.price(sku); } catch (Exception e) { }
            return CompletableFuture.completedFuture(null);
          }
        }
        """;
    String reconciler = """
        package shop;
        import java.util.List;
        import java.util.concurrent.CompletableFuture;
        class Reconciler {
          private final Sweeper sweeper;
          Reconciler(Sweeper sweeper) { this.sweeper = sweeper; }
          void sweepAll(List<String> skus) throws Exception {
            CompletableFuture.allOf(skus.stream().map(sweeper::sweepAsync).toArray(CompletableFuture[]::new)).get();
          }
          void each(List<String> skus) {
            for (String sku : skus) {
              sweeper.sweepAsync(sku);
            }
          }
        }
        """;
    String enabled = """
        package shop;
        @org.springframework.scheduling.annotation.EnableAsync
        @org.springframework.context.annotation.Configuration
        class AsyncConfig {}
        """;
    assertEquals(List.of(), new ProjectFixture(dir.resolve("enabled")).java(CLIENT).java(sweeper).java(reconciler)
        .java(enabled).findings(Category.IO_LOOP));
    assertEquals(2, new ProjectFixture(dir.resolve("disabled")).java(CLIENT).java(sweeper).java(reconciler)
        .findings(Category.IO_LOOP).size(), "without @EnableAsync the call runs in place");
    String self = sweeper.replace("  @Async", "  void sweepAll(java.util.List<String> skus) {\n"
        + "    for (String sku : skus) { sweepAsync(sku); }\n  }\n  @Async");
    assertEquals(1, new ProjectFixture(dir.resolve("self")).java(CLIENT).java(self).java(enabled)
        .findings(Category.IO_LOOP).size(), "a self-call bypasses the proxy");
  }

  @Test
  void aTotalTheLoopCarriesDoesNotChooseTheKeysItLooksUp() {
    // pigeonkart's OrderService.createOrder: total += price * qty; every key is the element's own
    String summed = """
        package shop;
        import java.util.List;
        class Orders {
          private final ProductRepository products = new ProductRepository();
          private long lastId;
          int total(List<Long> ids) throws Exception {
            int total = 0;
            for (Long id : ids) {
              total += products.name(id).length();
            }
            return total;
          }
          int chained(List<Long> ids) throws Exception {
            long previous = 0;
            for (Long id : ids) {
              previous = products.name(id + previous).length();
            }
            return (int) previous;
          }
          int viaField(List<Long> ids) throws Exception {
            int total = 0;
            for (Long id : ids) {
              lastId = id;
              total += products.name(id).length();
            }
            return total;
          }
        }
        """;
    java.util.Map<String, Object> byMethod = new java.util.TreeMap<>();
    loops(summed).forEach(f -> byMethod.put(f.enclosingMethod().replaceAll("\\(.*", ""), f.details().get("classification")));
    assertEquals(java.util.Map.of("total", "n-plus-one-query", "chained", "dependent-queries", "viaField", "dependent-queries"),
        byMethod);
  }

  @Test
  void loopCarriedStateAndEarlyExitMakeIterationsDependent() {
    List<Finding> findings = loops("""
        package shop;
        import java.util.List;
        class Basket {
          private final PriceClient prices = new PriceClient();
          int fill(List<String> skus, int budget) throws Exception {
            int spent = 0;
            for (String sku : skus) {
              int price = Integer.parseInt(prices.price(sku));
              if (spent + price > budget) {
                break;
              }
              spent += price;
            }
            return spent;
          }
        }
        """);
    assertEquals(1, findings.size(), findings.toString());
    Finding loop = findings.get(0);
    assertEquals("dependent-remote-calls", loop.details().get("classification"));
    assertEquals(false, loop.details().get("independent"));
    assertTrue(loop.details().get("dependenceReasons").toString().contains("spent"), loop.details().toString());
  }

  @Test
  void futuresJoinedInsideTheLoopAreReported() {
    List<Finding> findings = loops("""
        package shop;
        import java.util.ArrayList;
        import java.util.List;
        class Batch {
          private final PriceClient prices = new PriceClient();
          List<String> all(List<String> skus) {
            List<String> out = new ArrayList<>();
            for (String sku : skus) {
              out.add(prices.priceAsync(sku).join().body());
            }
            return out;
          }
        }
        """);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("futures-joined-in-loop", findings.get(0).details().get("classification"));
  }

  @Test
  void loopsInTransactionalMethodsAreNotParallelizable() {
    List<Finding> findings = loops("""
        package shop;
        import java.util.List;
        import org.springframework.transaction.annotation.Transactional;
        class Settlement {
          private final PriceClient prices = new PriceClient();
          @Transactional
          void settle(List<String> skus) throws Exception {
            for (String sku : skus) {
              prices.price(sku);
            }
          }
        }
        """);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(false, findings.get(0).details().get("parallelizable"));
    assertEquals(Boolean.TRUE, findings.get(0).details().get("inTransactional"));
  }

  @Test
  void loopsOverInMemoryDataAndLoopsThatOnlyHandWorkToAnExecutorAreNotIoLoops() {
    List<Finding> findings = loops("""
        package shop;
        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ExecutorService;
        class Totals {
          private final PriceClient prices = new PriceClient();
          int sum(List<Integer> values, Map<String, Integer> bonus) {
            int total = 0;
            for (int i = 0; i < values.size(); i++) {
              total += values.get(i) + bonus.getOrDefault("x", 0);
            }
            return total;
          }
          void warm(List<String> skus, ExecutorService pool) {
            for (String sku : skus) {
              pool.submit(() -> prices.price(sku));
            }
          }
        }
        """);
    assertEquals(List.of(), findings);
  }

  @Test
  void loopsReachIoAtAnyDepthAndMessagesCapTheChainAtTheConfiguredDepth() {
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT).java("""
        package shop;
        import java.util.List;
        class Deep {
          private final PriceClient prices = new PriceClient();
          String a(String s) throws Exception { return b(s); }
          String b(String s) throws Exception { return c(s); }
          String c(String s) throws Exception { return d(s); }
          String d(String s) throws Exception { return prices.price(s); }
          void loop(List<String> skus) throws Exception {
            for (String sku : skus) { a(sku); }
          }
          void near(List<String> skus) throws Exception {
            for (String sku : skus) { c(sku); }
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("loop(List<String>)", "near(List<String>)"),
        findings.stream().map(Finding::enclosingMethod).sorted().toList(), findings.toString());
    Finding deep = findings.stream().filter(f -> f.enclosingMethod().startsWith("loop")).findFirst().orElseThrow();
    assertTrue(deep.message().contains("via Deep.a -> Deep.b -> Deep.c -> ... (2 more)"), deep.message());
  }

  @Test
  void recursionAndCyclesReachTheSameIoWhereverTheWalkEnters() {
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT).java("""
        package shop;
        import java.util.List;
        class Tree {
          private final PriceClient prices = new PriceClient();
          String even(String s, int n) throws Exception { return n == 0 ? prices.price(s) : odd(s, n - 1); }
          String odd(String s, int n) throws Exception { return n == 0 ? s : even(s, n - 1); }
          String walk(String s, int n) throws Exception { return n == 0 ? s : walk(s, n - 1) + even(s, n); }
          void fromOdd(List<String> skus) throws Exception {
            for (String sku : skus) { odd(sku, 3); }
          }
          void fromWalk(List<String> skus) throws Exception {
            for (String sku : skus) { walk(sku, 3); }
          }
          void fromEven(List<String> skus) throws Exception {
            for (String sku : skus) { even(sku, 3); }
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("fromEven(List<String>)", "fromOdd(List<String>)", "fromWalk(List<String>)"),
        findings.stream().map(Finding::enclosingMethod).sorted().toList(), findings.toString());
    Finding odd = findings.stream().filter(f -> f.enclosingMethod().startsWith("fromOdd")).findFirst().orElseThrow();
    assertTrue(odd.message().contains("via Tree.odd -> Tree.even"), odd.message());
  }

  @Test
  void aCalleeThatMemoisesItsRemoteResultInAFieldIsNotPerIterationIo() {
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT).java("""
        package shop;
        import java.util.List;
        class Table {
          private final PriceClient prices = new PriceClient();
          private String table;
          String table() throws Exception {
            if (table == null) {
              table = prices.price("table");
            }
            return table;
          }
          String fresh() throws Exception {
            String loaded = null;
            if (loaded == null) {
              loaded = prices.price("fresh");
            }
            return loaded;
          }
        }
        """).java("""
        package shop;
        import java.util.List;
        class Pricer {
          private final Table table = new Table();
          int memoised(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += table.table().length(); }
            return n;
          }
          int uncached(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += table.fresh().length(); }
            return n;
          }
        }
        """).assess().findings();
    assertEquals(List.of("uncached(List<String>)"), findings.stream().filter(f -> f.category() == Category.IO_LOOP)
        .map(Finding::enclosingMethod).toList(), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.category() == Category.EXISTING_CACHE
        && f.message().contains("field-memo") && f.message().contains("Table.table")), findings.toString());
  }

  /**
   * A loop that runs until stopped, with no exit of its own, and carries nothing between iterations goes over no
   * collection: a consumer taking its next message, a worker polling while a flag says so. Its I/O is the service's
   * work, not an N+1 (a trial's RabbitMQ consumer loops and polling loops were reported). Near misses, still findings:
   * paging by a token or a page number the loop carries, and draining a queue (by its emptiness, a break when it is
   * empty, or a flag the loop sets), which goes over the queue's elements.
   */
  @Test
  void aLoopRunningUntilStoppedOverNoCollectionIsNoNPlusOne() {
    List<Finding> found = loops("""
        package shop;
        import java.util.List;
        import java.util.ArrayDeque;
        import java.util.concurrent.atomic.AtomicBoolean;
        class Worker {
          private final PriceClient prices = new PriceClient();
          private final ProductRepository products = new ProductRepository();
          private volatile boolean running = true;
          private final AtomicBoolean stopped = new AtomicBoolean();
          private final ArrayDeque<Long> pending = new ArrayDeque<>();
          void consume() throws Exception {
            while (true) {
              String next = prices.price("next");
              products.name(Long.parseLong(next));
            }
          }
          void poll() throws Exception {
            while (running && !Thread.currentThread().isInterrupted()) {
              prices.price("poll");
            }
          }
          void pollUntilStopped() throws Exception {
            do {
              prices.price("poll");
            } while (!stopped.get());
          }
          void listen() throws Exception {
            for (;;) {
              prices.price("next event");
            }
          }
          void drainUntilEmpty() throws Exception {
            while (true) {
              Long id = pending.poll();
              if (id == null) { break; }
              products.name(id);
            }
          }
          private boolean more = true;
          void drainUntilItsFlagSaysSo() throws Exception {
            while (more) {
              Long id = pending.poll();
              more = id != null;
              products.name(id);
            }
          }
          void pageByToken() throws Exception {
            String token = "";
            while (true) {
              token = prices.price(token);
              if (token == null) { break; }
            }
          }
          void pageByNumber() throws Exception {
            for (int page = 0; ; page++) {
              if (prices.price("page/" + page) == null) { break; }
            }
          }
          void drain() throws Exception {
            while (!pending.isEmpty()) {
              products.name(pending.poll());
            }
          }
        }
        """);
    assertEquals(List.of("drain()", "drainUntilEmpty()", "drainUntilItsFlagSaysSo()", "pageByNumber()", "pageByToken()"),
        found.stream().map(Finding::enclosingMethod).sorted().toList(), found.toString());
  }

  /**
   * A memo is one however the load reaches the field: a field the class inherits from a base class in another file, an
   * answer returned first and the load after it, a load through a method of the class the guard calls. A loop calling
   * one on the same object does not wait per iteration (a trial's lazily loaded getter on a loop-invariant object was
   * an N+1). Near misses, still I/O per iteration: the answer returned first while the load after it fills a local,
   * and a guard whose helper assigns another field.
   */
  @Test
  void aMemoLoadedAfterAnAnswerReturnedFirstOrThroughAHelperOrIntoAnInheritedFieldIsNoPerIterationIo() {
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT).java("""
        package shop;
        abstract class Base {
          protected String inherited;
          protected final PriceClient prices = new PriceClient();
        }
        """).java("""
        package shop;
        class Settings extends Base {
          private String early;
          private String rate;
          private String other;
          String inheritedField() throws Exception {
            if (inherited == null) { inherited = prices.price("i"); }
            return inherited;
          }
          String earlyReturn() throws Exception {
            if (early != null) { return early; }
            early = prices.price("e");
            return early;
          }
          String throughHelper() throws Exception {
            if (rate == null) { reload(); }
            return rate;
          }
          private void reload() throws Exception { rate = prices.price("rate"); }
          String earlyReturnIntoALocal() throws Exception {
            if (early != null) { return early; }
            String fresh = prices.price("f");
            return fresh;
          }
          String helperOfAnotherField() throws Exception {
            if (other == null) { reload(); }
            return other;
          }
          String answersARequestFirst() throws Exception {
            if (early != null) { return prices.price(early); }
            early = prices.price("e");
            return early;
          }
        }
        """).java("""
        package shop;
        import java.util.List;
        class Pricing {
          private final Settings settings = new Settings();
          void inheritedField(List<String> skus) throws Exception { for (String s : skus) { settings.inheritedField(); } }
          void earlyReturn(List<String> skus) throws Exception { for (String s : skus) { settings.earlyReturn(); } }
          void throughHelper(List<String> skus) throws Exception { for (String s : skus) { settings.throughHelper(); } }
          void intoALocal(List<String> skus) throws Exception { for (String s : skus) { settings.earlyReturnIntoALocal(); } }
          void anotherField(List<String> skus) throws Exception { for (String s : skus) { settings.helperOfAnotherField(); } }
          void requestFirst(List<String> skus) throws Exception { for (String s : skus) { settings.answersARequestFirst(); } }
        }
        """).assess().findings();
    assertEquals(List.of("anotherField(List<String>)", "intoALocal(List<String>)", "requestFirst(List<String>)"),
        findings.stream()
        .filter(f -> f.category() == Category.IO_LOOP).map(Finding::enclosingMethod).sorted().toList(),
        findings.toString());
    assertEquals(List.of("earlyReturn", "inheritedField", "throughHelper"), findings.stream()
        .filter(f -> f.category() == Category.EXISTING_CACHE && "field-memo".equals(f.details().get("mechanism")))
        .map(f -> f.enclosingMethod().indexOf('(') < 0 ? f.enclosingMethod()
            : f.enclosingMethod().substring(0, f.enclosingMethod().indexOf('('))).sorted().toList());
  }

  /**
   * Hand-written caches with a freshness condition (piggymetrics' getCurrentRates(): a field checked before the call
   * and assigned after it, loaded again when the day changes) are caches, not I/O per iteration: a date check, a TTL
   * on a stamp the guard's block sets again, a map filled under a null check. The inventory says which field and when
   * it loads again. A guard that never assigns what it checks is no cache (the loop stays an I/O loop).
   */
  @Test
  void handWrittenCachesWithAFreshnessConditionAreNotPerIterationIo() {
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT).java("""
        package shop;
        import java.time.LocalDate;
        import java.util.HashMap;
        import java.util.Map;
        class Rates {
          private final PriceClient prices = new PriceClient();
          private Daily daily;
          private String table;
          private long loadedAt;
          private final Map<String, String> bySku = new HashMap<>();
          private String unguarded;
          record Daily(LocalDate date, String body) {}
          String today() throws Exception {
            if (daily == null || !daily.date().equals(LocalDate.now())) {
              daily = new Daily(LocalDate.now(), prices.price("today"));
            }
            return daily.body();
          }
          String ttl() throws Exception {
            long now = System.currentTimeMillis();
            if (now - loadedAt > 60_000) {
              table = prices.price("table");
              loadedAt = now;
            }
            return table;
          }
          String mapped(String sku) throws Exception {
            String price = bySku.get(sku);
            if (price == null) {
              price = prices.price(sku);
              bySku.put(sku, price);
            }
            return price;
          }
          int convert(String sku) throws Exception {
            return today().length() + sku.length(); // its own class's call: the field keeps the rates all the same
          }
          private final Map<String, Item> switches = new HashMap<>();
          record Item(String value, long expiresAt) {}
          String answeredFirst(String key) throws Exception {
            Item item = switches.get(key);
            if (item != null && item.expiresAt() > System.currentTimeMillis()) {
              return item.value();
            }
            String value = prices.price(key);
            switches.put(key, new Item(value, System.currentTimeMillis() + 60_000));
            return value;
          }
          String notACache() throws Exception {
            if (unguarded == null || System.currentTimeMillis() > 0) {
              return prices.price("never kept");
            }
            return unguarded;
          }
        }
        """).java("""
        package shop;
        import java.util.List;
        class Pricer {
          private final Rates rates = new Rates();
          int daily(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += rates.today().length(); }
            return n;
          }
          int ttl(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += rates.ttl().length(); }
            return n;
          }
          int mapped(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += rates.mapped(sku).length(); }
            return n;
          }
          int answeredFirst(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += rates.answeredFirst(sku).length(); }
            return n;
          }
          int converted(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += rates.convert(sku); }
            return n;
          }
          int uncached(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) { n += rates.notACache().length(); }
            return n;
          }
        }
        """).assess().findings();
    assertEquals(List.of("uncached(List<String>)"), findings.stream().filter(f -> f.category() == Category.IO_LOOP)
        .map(Finding::enclosingMethod).toList(), findings.toString());
    java.util.Map<String, String> inventory = new java.util.TreeMap<>();
    findings.stream().filter(f -> f.category() == Category.EXISTING_CACHE).forEach(f -> inventory.put(
        f.enclosingMethod().indexOf('(') < 0 ? f.enclosingMethod()
            : f.enclosingMethod().substring(0, f.enclosingMethod().indexOf('(')),
        f.details().get("mechanism") + " " + f.details().get("cacheName") + " " + f.details().get("refreshedWhen")));
    assertEquals(java.util.Map.of(
        "today", "field-memo daily !daily.date().equals(LocalDate.now())",
        "ttl", "field-memo table now - loadedAt > 60_000",
        "mapped", "map-memo bySku null",
        // SigmaBack's TenantSwitchService: answered from the map while fresh, filled after the load
        "answeredFirst", "map-memo switches !(item != null && item.expiresAt() > System.currentTimeMillis())"), inventory);
  }

  private static final String STOCK_CLIENT = """
      package shop;
      import java.util.List;
      import org.springframework.cloud.openfeign.FeignClient;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.PostMapping;
      import org.springframework.web.bind.annotation.RequestParam;
      @FeignClient(name = "stock")
      interface StockClient {
        @GetMapping("/stock/{sku}")
        Integer stock(String sku);
        @PostMapping("/stock/reserve")
        List<Integer> reserve(@RequestParam List<String> skus);
        @GetMapping("/stock/by-ids")
        List<Integer> stockByIds(@RequestParam List<Long> ids);
        %s
      }
      """;

  private static final String SHELF = """
      package shop;
      import java.util.ArrayList;
      import java.util.List;
      class Shelf {
        private final StockClient stock;
        Shelf(StockClient stock) { this.stock = stock; }
        List<Integer> available(List<String> skus) {
          List<Integer> counts = new ArrayList<>();
          for (String sku : skus) {
            Integer count = stock.stock(sku);
            counts.add(count);
          }
          return counts;
        }
      }
      """;

  @Test
  void aClientsReadThatTakesManyOfTheLoopsKeysIsNamedAsTheFix() {
    List<Finding> findings = new ProjectFixture(dir)
        .java(STOCK_CLIENT.formatted("@GetMapping(\"/stock\")\n  List<Integer> stocks(@RequestParam List<String> skus);"))
        .java(SHELF).findings(Category.IO_LOOP);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("StockClient.stocks(List<String>)", findings.get(0).details().get("batchMethod"));
    assertTrue(findings.get(0).fixNote().endsWith("; its client has StockClient.stocks(List<String>): one call with all "
        + "the keys would replace the loop's calls (not rewritten: what it answers for a missing or repeated key, and "
        + "in which order, is its server's or query's contract)"), findings.get(0).fixNote());
  }

  @Test
  void aWriteThatTakesManyKeysOrAReadOfAnotherKeyIsNoBatchOfTheLoopsRead() {
    // reserve(List<String>) is a POST; stockByIds takes Long ids, not the loop's String skus
    List<Finding> findings = new ProjectFixture(dir).java(STOCK_CLIENT.formatted("")).java(SHELF)
        .findings(Category.IO_LOOP);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(null, findings.get(0).details().get("batchMethod"), findings.get(0).details().toString());
  }

  @Test
  void aRepositoryFinderTakingACollectionOfTheKeyIsNamedForAFinderPerKey() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package shop;
            import java.util.Collection;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            interface ProductRepository extends JpaRepository<Product, Long> {
              Product findByCode(String code);
              List<Product> findByCodeIn(Collection<String> codes);
              void deleteByCodeIn(Collection<String> codes);
            }
            """)
        .java("""
            package shop;
            import javax.persistence.Entity;
            import javax.persistence.Id;
            @Entity
            class Product {
              @Id Long id;
              String code;
            }
            """)
        .java("""
            package shop;
            import java.util.ArrayList;
            import java.util.List;
            class Catalog {
              private final ProductRepository products;
              Catalog(ProductRepository products) { this.products = products; }
              List<Product> byCodes(List<String> codes) {
                List<Product> found = new ArrayList<>();
                for (String code : codes) {
                  Product product = products.findByCode(code);
                  found.add(product);
                }
                return found;
              }
            }
            """)
        .findings(Category.IO_LOOP);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("n-plus-one-query", findings.get(0).details().get("classification"));
    assertEquals("ProductRepository.findByCodeIn(Collection<String>)", findings.get(0).details().get("batchMethod"));
  }

  /**
   * Iterating a result is not a query per row: {@code while (rs.next())} walks the rows of one query; a body that runs
   * another query per row is the N+1 it looks like.
   */
  @Test
  void walkingTheRowsOfOneQueryIsNoLoopOfQueriesUnlessTheBodyQueriesAgain() {
    List<Finding> loops = new ProjectFixture(dir).java("""
        package shop;
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.util.ArrayList;
        import java.util.List;
        public class Orders {
          private final Connection connection;
          public Orders(Connection connection) { this.connection = connection; }
          public List<String> names() throws Exception {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM orders");
                 ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                names.add(rs.getString(1));
              }
            }
            return names;
          }
          public List<String> lines() throws Exception {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM orders");
                 ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                try (PreparedStatement each = connection.prepareStatement("SELECT sku FROM lines WHERE order_id = ?")) {
                  each.setLong(1, rs.getLong(1));
                  try (ResultSet line = each.executeQuery()) {
                    lines.add(line.next() ? line.getString(1) : null);
                  }
                }
              }
            }
            return lines;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("Orders.lines"), loops.stream()
        .map(f -> f.enclosingClass().substring(f.enclosingClass().lastIndexOf('.') + 1) + "."
            + f.enclosingMethod().substring(0, f.enclosingMethod().indexOf('(')))
        .toList());
  }

  /**
   * A call on what a chain of calls answers is a call on the last link's declared type, each link typed by the one
   * before: {@code Driver.getInstance().newKarmaDAO().getPostKarma(id)} in a loop runs the DAO's query per element,
   * as it does when the DAO is kept in a local first (a blind trial's forum: nine such loops went unseen), in a class
   * extending another too, where the imported type's name could have been a field it inherits. Near miss: the same
   * chain to a DAO whose implementation reads a map runs no query.
   */
  @Test
  void aCallOnWhatAChainOfCallsAnswersRunsTheLastLinksDeclaredType() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package demo;
        public interface KarmaDAO { int getPostKarma(int postId); }
        """).java("""
        package demo;
        public interface CountDAO { int getPostKarma(int postId); }
        """).java("""
        package demo;
        public abstract class Driver {
          private static Driver instance = new JdbcDriver();
          public static Driver getInstance() { return instance; }
          public abstract KarmaDAO newKarmaDAO();
          public abstract CountDAO newCountDAO();
          public KarmaDAO getKarmaDAO() { return newKarmaDAO(); }
        }
        """).java("""
        package demo;
        public class JdbcDriver extends Driver {
          public KarmaDAO newKarmaDAO() { return new JdbcKarmaDAO(); }
          public CountDAO newCountDAO() { return new MapCountDAO(); }
        }
        """).java("""
        package demo;
        import java.util.HashMap;
        import java.util.Map;
        public class MapCountDAO implements CountDAO {
          private final Map<Integer, Integer> counts = new HashMap<>();
          public int getPostKarma(int postId) { return counts.getOrDefault(postId, 0); }
        }
        """).java("""
        package demo;
        import java.sql.*;
        public class JdbcKarmaDAO implements KarmaDAO {
          static Connection connection;
          public int getPostKarma(int postId) {
            try (PreparedStatement p = connection.prepareStatement("SELECT SUM(points) FROM karma WHERE post_id = ?")) {
              p.setInt(1, postId);
              try (ResultSet rs = p.executeQuery()) { return rs.next() ? rs.getInt(1) : 0; }
            } catch (SQLException e) { throw new RuntimeException(e); }
          }
        }
        """).java("""
        package demo;
        public class AutoKeys {
        }
        """).java("""
        package demo.generic;
        import demo.Driver;
        import java.util.ArrayList;
        import java.util.List;
        public class Posts extends demo.AutoKeys {
          public List<Integer> chained(List<Integer> postIds) {
            List<Integer> out = new ArrayList<>();
            for (Integer id : postIds) {
              out.add(Driver.getInstance().newKarmaDAO().getPostKarma(id));
            }
            return out;
          }
          public List<Integer> throughAGetter(List<Integer> postIds) {
            List<Integer> out = new ArrayList<>();
            for (Integer id : postIds) {
              out.add(Driver.getInstance().getKarmaDAO().getPostKarma(id));
            }
            return out;
          }
          public List<Integer> counted(List<Integer> postIds) {
            List<Integer> out = new ArrayList<>();
            for (Integer id : postIds) {
              out.add(Driver.getInstance().newCountDAO().getPostKarma(id));
            }
            return out;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("chained(List<Integer>)", "throughAGetter(List<Integer>)"),
        findings.stream().map(Finding::enclosingMethod).sorted().toList(), findings.toString());
  }

  /**
   * A loop drawing a value afresh until a query says it is free (a random order number) runs the query once but on a
   * collision, over no collection: no finding, whether it draws in place or through a helper (a blind trial's shop:
   * five such loops were reported as a query per iteration). Near misses: a loop trying the next number, or a value
   * made from the previous one, carries it, and searches as many times as values are taken; a clock read beside an
   * iterator's or a queue's walk is no value the condition waits on.
   */
  @Test
  void aLoopDrawingAValueAfreshUntilItIsFreeIsNoQueryPerIteration() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package demo;
        import java.sql.*;
        import java.util.UUID;
        import java.util.concurrent.ThreadLocalRandom;
        public class OrderNumbers {
          static Connection connection;
          static int countBySn(String sn) {
            try (PreparedStatement p = connection.prepareStatement("SELECT COUNT(*) FROM orders WHERE order_sn = ?")) {
              p.setString(1, sn);
              try (ResultSet rs = p.executeQuery()) { return rs.next() ? rs.getInt(1) : 0; }
            } catch (SQLException e) { throw new RuntimeException(e); }
          }
          static String randomNum(int digits) {
            return Integer.toString(ThreadLocalRandom.current().nextInt(1, 1 << digits));
          }
          public String throughAHelper(String day) {
            String sn = day + randomNum(6);
            while (countBySn(sn) != 0) {
              sn = day + randomNum(6);
            }
            return sn;
          }
          public String inPlace() {
            String sn = UUID.randomUUID().toString();
            do {
              sn = UUID.randomUUID().toString();
            } while (countBySn(sn) != 0);
            return sn;
          }
          public void stamped(java.util.Iterator<String> orders) {
            long stamp = 0;
            while (orders.hasNext()) {
              stamp = System.currentTimeMillis();
              countBySn(orders.next() + stamp);
            }
          }
          public void drained(java.util.Queue<String> queue) {
            long last = 0;
            while (!queue.isEmpty()) {
              last = System.nanoTime();
              countBySn(queue.poll());
            }
          }
          public String paged(String from) {
            String page = from;
            while (countBySn(page) != 0) {
              page = page + System.currentTimeMillis();
            }
            return page;
          }
          public String nextFree(int from) {
            int n = from;
            String sn = Integer.toString(n);
            while (countBySn(sn) != 0) {
              sn = Integer.toString(n + 1);
              n = n + 1;
            }
            return sn;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("drained(java.util.Queue<String>)", "nextFree(int)", "paged(String)",
        "stamped(java.util.Iterator<String>)"),
        findings.stream().map(Finding::enclosingMethod).sorted().toList(), findings.toString());
  }



  /**
   * A loop classified by its queries that also waits on a remote call per iteration says which (detail alsoRemote):
   * batching the queries leaves it (a blind trial's mail poller was told "batch it" while each iteration logged in to a
   * mail server). A loop of queries alone names none.
   */
  @Test
  void aLoopOfQueriesThatAlsoWaitsOnARemoteCallSaysWhich() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package demo;
        import java.net.URI;
        import java.net.http.*;
        import java.sql.*;
        import java.util.*;
        public class Mailboxes {
          static Connection connection;
          static final HttpClient HTTP = HttpClient.newHttpClient();
          static String owner(String id) {
            try (PreparedStatement p = connection.prepareStatement("SELECT owner FROM boxes WHERE id = ?")) {
              p.setString(1, id);
              try (ResultSet rs = p.executeQuery()) { return rs.next() ? rs.getString(1) : null; }
            } catch (SQLException e) { throw new RuntimeException(e); }
          }
          public List<String> both(List<String> ids) throws Exception {
            List<String> out = new ArrayList<>();
            for (String id : ids) {
              String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://mail/" + id)).build(),
                  HttpResponse.BodyHandlers.ofString()).body();
              out.add(owner(id) + body);
            }
            return out;
          }
          public List<String> queries(List<String> ids) {
            List<String> out = new ArrayList<>();
            for (String id : ids) {
              out.add(owner(id));
            }
            return out;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("both(List<String>) n-plus-one-query java.net.http HttpClient send()",
        "queries(List<String>) n-plus-one-query null"), findings.stream()
        .map(f -> f.enclosingMethod() + " " + f.details().get("classification") + " " + f.details().get("alsoRemote"))
        .sorted().toList(), findings.toString());
  }

  /**
   * A loop inside a task the method hands to an executor waits on its query per element wherever the task runs (a
   * blind trial's forum: the loop in a {@code Callable} was no finding, the same loop in the method was). Near miss: a
   * loop in such a task that hands each element's query to the executor in turn waits on none.
   */
  @Test
  void aLoopInATaskTheMethodHandsOnStillWaitsPerElement() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package demo;
        public interface KarmaDAO { int getPostKarma(int postId); }
        """).java("""
        package demo;
        import java.sql.*;
        public class JdbcKarmaDAO implements KarmaDAO {
          static Connection connection;
          public int getPostKarma(int postId) {
            try (PreparedStatement p = connection.prepareStatement("SELECT SUM(points) FROM karma WHERE post_id = ?")) {
              p.setInt(1, postId);
              try (ResultSet rs = p.executeQuery()) { return rs.next() ? rs.getInt(1) : 0; }
            } catch (SQLException e) { throw new RuntimeException(e); }
          }
        }
        """).java("""
        package demo;
        import java.util.*;
        import java.util.concurrent.*;
        public class Comments {
          private final KarmaDAO dao = new JdbcKarmaDAO();
          private final ExecutorService executor = Executors.newFixedThreadPool(4);
          public List<Integer> inTask(List<Integer> ids) throws Exception {
            Callable<List<Integer>> task = () -> {
              List<Integer> out = new ArrayList<>();
              for (Integer id : ids) {
                out.add(dao.getPostKarma(id));
              }
              return out;
            };
            return executor.submit(task).get();
          }
          public void handedOnEach(List<Integer> ids) {
            Runnable task = () -> {
              for (Integer id : ids) {
                executor.submit(() -> dao.getPostKarma(id));
              }
            };
            executor.execute(task);
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("inTask(List<Integer>)"), findings.stream().map(Finding::enclosingMethod).toList(),
        findings.toString());
  }



  /**
   * A class's own static field loaded once under a null check, written by its class's name ({@code if
   * (Registry.handler == null) Registry.handler = Handler.open();}), holds its answer once: a loop calling the getter
   * does not run the load per iteration (a blind trial's wiki wrote its singleton's field so). Near miss: a getter
   * loading at every call does.
   */
  @Test
  void aStaticFieldLoadedOnceByItsClassesNameIsAMemo() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package demo;
        import java.sql.*;
        public class Handler {
          static Connection connection;
          public static Handler open() {
            try (Statement s = connection.createStatement()) {
              s.executeUpdate("UPDATE settings SET started = 1");
            } catch (SQLException e) { throw new RuntimeException(e); }
            return new Handler();
          }
          public String label(String key) { return key.trim(); }
        }
        """).java("""
        package demo;
        import java.util.*;
        public class Registry {
          private static Handler handler = null;
          public static Handler getHandler() {
            if (Registry.handler == null) {
              Registry.handler = Handler.open();
            }
            return Registry.handler;
          }
          public static Handler freshHandler() {
            return Handler.open();
          }
          public List<String> labels(List<String> keys) {
            List<String> out = new ArrayList<>();
            for (String key : keys) { out.add(Registry.getHandler().label(key)); }
            return out;
          }
          public List<String> freshLabels(List<String> keys) {
            List<String> out = new ArrayList<>();
            for (String key : keys) { out.add(freshHandler().label(key)); }
            return out;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("freshLabels(List<String>)"), findings.stream().map(Finding::enclosingMethod).toList(),
        findings.toString());
  }

}
