package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class CacheableReadMethodRuleTest {
  @TempDir Path dir;

  private Set<String> cacheable(String source) {
    return new ProjectFixture(dir).java(source).java("""
        package shop;
        enum Tier { GOLD, SILVER }
        """).java("""
        package shop;
        record Key(String sku, int qty) {}
        """).findings(Category.CACHEABLE_READ).stream()
        .map(Finding::enclosingMethod).collect(Collectors.toSet());
  }

  private static final String SERVICE = """
      package shop;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.time.Instant;
      import java.util.List;
      import java.util.Random;
      import java.util.UUID;
      class Catalog {
        private final HttpClient http = HttpClient.newHttpClient();
        private final Random random = new Random();
        private String get(String path) throws Exception {
          return http.send(HttpRequest.newBuilder(URI.create("http://catalog" + path)).build(),
              HttpResponse.BodyHandlers.ofString()).body();
        }
        private String post(String path) throws Exception {
          return http.send(HttpRequest.newBuilder(URI.create("http://catalog" + path))
              .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        String fetchName(long id) throws Exception { return get("/names/" + id); }
        String tierLabel(Tier tier, UUID customer) throws Exception { return get("/tiers/" + tier + "/" + customer); }
        String quote(Key key) throws Exception { return get("/quotes/" + key.sku()); }
        String bulk(List<String> ids) throws Exception { return get("/bulk/" + ids); }
        String bulkMap(java.util.Map<String, String> ids) throws Exception { return get("/bulk/" + ids); }
        String bulkBuilders(List<StringBuilder> ids) throws Exception { return get("/bulk/" + ids); }
        void warm(long id) throws Exception { get("/names/" + id); }
        String register(String name) throws Exception { return post("/names/" + name); }
        String fresh(long id) throws Exception { return get("/names/" + id + "?at=" + Instant.now()); }
        String pick(long id) throws Exception { return get("/names/" + random.nextInt()); }
        String local(long id) { return "name-" + id; }
        java.util.concurrent.atomic.AtomicInteger counter(long id) throws Exception {
          return new java.util.concurrent.atomic.AtomicInteger(get("/counts/" + id).length());
        }
        java.nio.ByteBuffer bytes(long id) throws Exception { return java.nio.ByteBuffer.wrap(get("/b/" + id).getBytes()); }
      }
      """;

  @Test
  void readMethodsWithValueKeysAreCacheableDirectlyAndTransitively() {
    Set<String> methods = cacheable(SERVICE);
    assertTrue(methods.contains("fetchName(long)"), methods.toString());
    assertTrue(methods.contains("tierLabel(Tier, UUID)"), methods.toString());
    assertTrue(methods.contains("quote(Key)"), methods.toString());
    assertTrue(methods.contains("get(String)"), methods.toString());
  }

  /**
   * A time only written to a log line changes no answer: the read is cacheable, as the same read without the log. A
   * time that reaches the answer (a URL, a returned text) still is no cacheable read. (A trial's service timing its
   * call for a log line was refused as reading the clock.)
   */
  @Test
  void aClockReadOnlyLoggedIsNoReadOfTheClock() {
    Set<String> methods = cacheable("""
        package shop;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.time.Instant;
        import java.util.logging.Logger;
        @lombok.extern.slf4j.Slf4j
        class Timed {
          private static final Logger LOG = Logger.getLogger("timed");
          private final HttpClient http = HttpClient.newHttpClient();
          private String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://catalog" + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
          }
          String timedName(long id) throws Exception {
            long start = System.nanoTime();
            String name = get("/names/" + id);
            LOG.info("took " + (System.nanoTime() - start) + " ns");
            return name;
          }
          String printedName(long id) throws Exception {
            System.out.println("asked at " + Instant.now());
            return get("/names/" + id);
          }
          String lombokTimedName(long id) throws Exception {
            Instant start = Instant.now();
            try {
              return get("/names/" + id);
            } finally {
              log.debug("took {}", java.time.Duration.between(start, Instant.now()));
            }
          }
          String stampedName(long id) throws Exception {
            String at = Instant.now().toString();
            LOG.info(at);
            return get("/names/" + id) + at;
          }
        }
        """);
    assertTrue(methods.contains("timedName(long)"), methods.toString());
    assertTrue(methods.contains("lombokTimedName(long)"), methods.toString());
    assertTrue(methods.contains("printedName(long)"), methods.toString());
    assertFalse(methods.contains("stampedName(long)"), methods.toString());
  }

  /**
   * Trial 81: a health answer holding {@code Thread.activeCount()} was cached and showed 5 threads while 11 ran. The
   * JVM's running state (threads, memory, the management beans' figures) changes by itself; its version does not, nor
   * does a class loader found through the current thread.
   */
  @Test
  void theJvmsRunningStateIsNoKeyedValue() {
    Set<String> methods = cacheable(SERVICE.replace("class Catalog {", """
        class Catalog {
          String threads(long id) throws Exception { return get("/h/" + id) + Thread.activeCount(); }
          String memory(long id) throws Exception { return get("/h/" + id) + Runtime.getRuntime().freeMemory(); }
          String uptime(long id) throws Exception {
            return get("/h/" + id) + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
          }
          String version(long id) throws Exception { return get("/h/" + id) + Runtime.version(); }
          String loader(long id) throws Exception {
            return get("/h/" + id) + Thread.currentThread().getContextClassLoader().getResource("x");
          }
        """));
    assertTrue(!methods.contains("threads(long)") && !methods.contains("memory(long)") && !methods.contains("uptime(long)"),
        methods.toString());
    assertTrue(methods.contains("version(long)") && methods.contains("loader(long)"), methods.toString());
  }

  /**
   * A MongoDB repository's find reads (its query document is no SQL), so it is a cacheable read; one whose
   * {@code $where} runs JavaScript comparing with {@code new Date()} is not (piggymetrics' RecipientRepository).
   */
  @Test
  void aMongoFindIsCacheableUnlessItsDocumentReadsTheMoment() {
    Set<String> methods = new ProjectFixture(dir).java("""
        package bank;
        import java.util.List;
        import org.springframework.data.mongodb.repository.Query;
        import org.springframework.data.repository.CrudRepository;
        interface RecipientRepository extends CrudRepository<Recipient, String> {
          @Query("{ 'name' : ?0 }")
          Recipient byName(String name);
          @Query("{ $where: 'this.lastNotified < new Date(new Date().getTime() - this.frequency)' }")
          List<Recipient> due();
        }
        """).java("""
        package bank;
        record Recipient(String name) {}
        """).java("""
        package bank;
        import java.util.List;
        class Recipients {
          private final RecipientRepository repository;
          Recipients(RecipientRepository repository) { this.repository = repository; }
          Recipient named(String name) { return repository.byName(name); }
          List<Recipient> ready(String kind) { return repository.due(); }
        }
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
    assertTrue(methods.contains("named(String)"), methods.toString());
    assertTrue(!methods.contains("ready(String)") && !methods.contains("due()"), methods.toString());
  }

  @Test
  void lombokValueClassesAreKeysButDataClassesAreNot() {
    Set<String> methods = new ProjectFixture(dir).java(SERVICE.replace("class Catalog {", """
        class Catalog {
          String byValue(Sku sku) throws Exception { return get("/v/" + sku); }
          String byData(Form form) throws Exception { return get("/d/" + form); }
        """)).java("""
        package shop;
        import lombok.Value;
        @Value
        class Sku { String code; }
        """).java("""
        package shop;
        import lombok.Data;
        @Data
        class Form { String code; }
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
    assertTrue(methods.contains("byValue(Sku)"), methods.toString());
    assertTrue(!methods.contains("byData(Form)"), "a @Data key has setters: " + methods);
  }

  /**
   * Lombok's {@code @EqualsAndHashCode} on a class of final value fields writes an equals over all of them: a key as
   * good as a record (ddd-example-ecommerce's {@code ProductId}). One that leaves a field out ({@code of}, a
   * transient field) or holds a field a caller may reassign is not.
   */
  @Test
  void lombokEqualsAndHashCodeOverEveryFinalFieldMakesAKey() {
    Set<String> methods = new ProjectFixture(dir).java(SERVICE.replace("class Catalog {", """
        class Catalog {
          String byId(ProductId id) throws Exception { return get("/p/" + id); }
          String byPart(Line line) throws Exception { return get("/l/" + line); }
          String byOpen(Draft draft) throws Exception { return get("/o/" + draft); }
          String byTransient(Note note) throws Exception { return get("/n/" + note); }
        """)).java("""
        package shop;
        import lombok.EqualsAndHashCode;
        @EqualsAndHashCode
        final class ProductId { private final String id; ProductId(String id) { this.id = id; } }
        """).java("""
        package shop;
        import lombok.EqualsAndHashCode;
        @EqualsAndHashCode(of = "product")
        final class Line { private final String product; private final int quantity;
          Line(String product, int quantity) { this.product = product; this.quantity = quantity; } }
        """).java("""
        package shop;
        import lombok.*;
        @EqualsAndHashCode
        final class Draft { private String text; void setText(String text) { this.text = text; } }
        """).java("""
        package shop;
        import lombok.EqualsAndHashCode;
        @EqualsAndHashCode
        final class Note { private final String text; private final transient String shown;
          Note(String text) { this.text = text; this.shown = text; } }
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
    assertTrue(methods.contains("byId(ProductId)"), methods.toString());
    assertTrue(!methods.contains("byPart(Line)") && !methods.contains("byOpen(Draft)")
        && !methods.contains("byTransient(Note)"), methods.toString());
  }

  /**
   * An equals that hands the comparison to a method of its own is not shown to compare every field, whatever names
   * that method holds: a hostile review's helpers compared a hash of the fields, a joined string, or one field through
   * an overload of the same arity (dddsample's {@code sameValueAs} is refused with it, and the reason says it is
   * what optkit cannot show). Near miss: the same comparison written in equals makes a key.
   */
  @Test
  void anEqualsThroughAHelperIsNotShownToCompareEveryField() {
    String key = """
        package shop;
        final class TrackingId {
          private final String id;
          private final String tenant;
          TrackingId(String id, String tenant) { this.id = id; this.tenant = tenant; }
          @Override public boolean equals(Object o) {
            if (this == o) return true;
            if (o == null || getClass() != o.getClass()) return false;
            %s
          }
          private boolean sameValueAs(TrackingId other) { return id.equals(other.id) && tenant.equals(other.tenant); }
          @Override public int hashCode() { return java.util.Objects.hash(id, tenant); }
        }
        """;
    String service = SERVICE.replace("class Catalog {", """
        class Catalog {
          String byTracking(TrackingId id) throws Exception { return get("/t/" + id); }
        """);
    assertTrue(new ProjectFixture(dir.resolve("helper")).java(service)
        .java(key.formatted("return sameValueAs((TrackingId) o);"))
        .findings(Category.CACHEABLE_READ).stream().noneMatch(f -> f.enclosingMethod().equals("byTracking(TrackingId)")));
    assertTrue(new ProjectFixture(dir.resolve("inline")).java(service)
        .java(key.formatted("TrackingId other = (TrackingId) o; return id.equals(other.id) && tenant.equals(other.tenant);"))
        .findings(Category.CACHEABLE_READ).stream().anyMatch(f -> f.enclosingMethod().equals("byTracking(TrackingId)")));
  }

  /**
   * Where Lombok's equals leaves out what the read uses, the key is refused (a hostile review served one tenant's row
   * to another through each): a field excluded by the imported {@code @Exclude}; a hand-written equals beside the
   * annotation (Lombok then writes none); a superclass's state ({@code callSuper} is false by default); a field
   * compared through a hand-written getter that maps it; an array field, compared by identity.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "import lombok.EqualsAndHashCode.Exclude; @EqualsAndHashCode final class Key { private final String id; "
          + "@Exclude private final String tenant; Key(String id, String tenant) { this.id = id; this.tenant = tenant; } }",
      "@EqualsAndHashCode final class Key { private final String id; private final String tenant; "
          + "Key(String id, String tenant) { this.id = id; this.tenant = tenant; } "
          + "public boolean equals(Object o) { return o instanceof Key k && k.id.equals(id); } "
          + "public int hashCode() { return id.hashCode(); } }",
      "@EqualsAndHashCode final class Key extends java.util.AbstractMap.SimpleImmutableEntry<String, String> { "
          + "Key(String id, String tenant) { super(id, tenant); } }",
      "@EqualsAndHashCode final class Key { private final String tenant; Key(String tenant) { this.tenant = tenant; } "
          + "public String getTenant() { return tenant == null ? \"public\" : tenant; } }",
      "@EqualsAndHashCode final class Key { private final String[] parts; Key(String[] parts) { this.parts = parts; } }"})
  void lombokEqualsThatLeavesOutWhatTheReadUsesIsNoKey(String key) {
    Set<String> methods = new ProjectFixture(dir).java(SERVICE.replace("class Catalog {", """
        class Catalog {
          String byKey(Key key) throws Exception { return get("/k/" + key); }
          String byId(ProductId id) throws Exception { return get("/p/" + id); }
        """)).java("package shop;\nimport lombok.EqualsAndHashCode;\n" + key + "\n").java("""
        package shop;
        import lombok.EqualsAndHashCode;
        @EqualsAndHashCode
        final class ProductId { private final String id; ProductId(String id) { this.id = id; } }
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
    assertTrue(methods.contains("byId(ProductId)") && !methods.contains("byKey(Key)"), methods.toString());
  }

  @Test
  void voidWritesMutableKeysClockRandomAndNoIoAreRefused() {
    Set<String> methods = cacheable(SERVICE);
    for (String refused : List.of("bulkMap(", "bulkBuilders(", "warm(long)", "register(String)", "post(String)",
        "fresh(long)", "pick(long)", "local(long)", "counter(long)", "bytes(long)")) {
      assertTrue(methods.stream().noneMatch(m -> m.startsWith(refused)), refused + " must not be cacheable: " + methods);
    }
    // a list of strings is keyed by a copy made before the call (CollectionKeys)
    assertTrue(methods.contains("bulk(List<String>)"), methods.toString());
  }

  /**
   * Trial 55's 3a (spotify-app's Command): a method reading a field its superclass declares and a setter changes
   * (the request's map, with the caller's user) depends on state a key over its parameters misses: one cached
   * answer would serve every request. Read as {@code map}, {@code this.map} or {@code super.map} alike. The twin's
   * superclass holds only final fields (a client), which every object keeps.
   */
  @Test
  void aFieldASuperclassDeclaresAndChangesIsStateTheKeyMisses() {
    String command = """
        package shop;
        import java.net.http.HttpClient;
        import java.util.Map;
        abstract class Command {
          protected final HttpClient http = HttpClient.newHttpClient();
          protected Map<String, String> map;
          void setMap(Map<String, String> map) { this.map = map; }
        }
        """;
    String delete = """
        package shop;
        import java.net.URI;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        class DeleteReport extends Command {
          String authorize() throws Exception {
            String owner = http.send(HttpRequest.newBuilder(URI.create("http://owners/" + map.get("report_id"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            return owner.equals(map.get("token_user_id")) ? "SUCCESS" : "AUTHORIZATION";
          }
          String ownerOf(long report) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://owners/" + report)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
          }
        }
        """;
    ProjectFixture fixture = new ProjectFixture(dir).java(command).java(delete);
    Set<String> methods = fixture.findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod)
        .collect(Collectors.toSet());
    assertTrue(!methods.contains("authorize()"), "the inherited map is state its key misses: " + methods);
    assertTrue(methods.contains("ownerOf(long)"), "a read of the final client alone stays cacheable: " + methods);
    for (String written : List.of("this.map.get(", "super.map.get(")) {
      Set<String> again = new ProjectFixture(dir.resolve(written.substring(0, 4))).java(command)
          .java(delete.replace("map.get(\"report_id\")", written + "\"report_id\")"))
          .findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
      assertTrue(!again.contains("authorize()"), written + ": " + again);
    }
  }

  @Test
  void keysAndAnswersMustNotDependOnWhatTheKeyLeavesOut() {
    Set<String> methods = new ProjectFixture(dir).java("""
        package shop;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.Date;
        import java.util.Locale;
        import org.springframework.context.i18n.LocaleContextHolder;
        class Prices {
          private final HttpClient http = HttpClient.newHttpClient();
          private String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://prices" + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
          }
          String sumOf(Ids ids) throws Exception { return get("/sum/" + ids.values().length); }
          String listed(Names names) throws Exception { return get("/names/" + names.values()); }
          String plain(Key key) throws Exception { return get("/plain/" + key.sku()); }
          String localized(long id) throws Exception { return get("/names/" + id + "?lang=" + LocaleContextHolder.getLocale()); }
          // written out in full (hostile review 94's c68ctl)
          String qualifiedLocale(long id) throws Exception {
            return get("/names/" + id + "?lang=" + org.springframework.context.i18n.LocaleContextHolder.getLocale());
          }
          String byDefault(long id) throws Exception { return get("/names/" + id + "?lang=" + Locale.getDefault()); }
          String configured(long id) throws Exception { return get("/names/" + id + "?v=" + System.getProperty("v")); }
          String stamped(long id) throws Exception { return get("/names/" + id) + " at " + new Date().getTime(); }
          String dated(long id, long millis) throws Exception { return get("/names/" + id) + new Date(millis); }
          String lineTotal(Line line) throws Exception { return get("/lines/" + line.product()); }
          String skuName(Sku sku) throws Exception { return get("/skus/" + sku.getCode() + "/" + sku.getSize()); }
          String inherited(SubLine line) throws Exception { return get("/lines/" + line.product); }
          String caseless(Named named) throws Exception { return get("/names/" + named); }
        }
        """).java("""
        package shop;
        final class Line {
          private final long lineId;
          private final String product;
          Line(long lineId, String product) { this.lineId = lineId; this.product = product; }
          String product() { return product; }
          @Override public boolean equals(Object o) { return o instanceof Line l && l.lineId == lineId; }
          @Override public int hashCode() { return Long.hashCode(lineId); }
        }
        """).java("""
        package shop;
        final class Sku {
          private final String code;
          private final int size;
          Sku(String code, int size) { this.code = code; this.size = size; }
          String getCode() { return code; }
          int getSize() { return size; }
          @Override public boolean equals(Object o) {
            return o instanceof Sku s && s.getCode().equals(getCode()) && s.getSize() == getSize();
          }
          @Override public int hashCode() { return code.hashCode() * 31 + size; }
        }
        """).java("""
        package shop;
        class Base { protected String product; }
        """).java("""
        package shop;
        final class SubLine extends Base {
          private final long id;
          SubLine(long id) { this.id = id; }
          @Override public boolean equals(Object o) { return o instanceof SubLine l && l.id == id; }
          @Override public int hashCode() { return Long.hashCode(id); }
        }
        """).java("""
        package shop;
        final class Named {
          private final String name;
          Named(String name) { this.name = name; }
          @Override public boolean equals(Object o) { return o instanceof Named n && n.name.equalsIgnoreCase(name); }
          @Override public int hashCode() { return name.toLowerCase().hashCode(); }
        }
        """).java("""
        package shop;
        record Ids(int[] values) {}
        """).java("""
        package shop;
        record Names(java.util.List<String> values) {}
        """).java("""
        package shop;
        record Key(String sku, int qty) {}
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
    assertTrue(methods.contains("plain(Key)"), methods.toString());
    assertTrue(methods.contains("skuName(Sku)"), "equals over every field, through getters: " + methods);
    assertTrue(methods.contains("dated(long, long)"), "a date from its arguments is no clock: " + methods);
    for (String refused : List.of("lineTotal(Line)", "inherited(SubLine)", "caseless(Named)", "sumOf(Ids)", "listed(Names)", "localized(long)", "qualifiedLocale(long)", "byDefault(long)",
        "configured(long)", "stamped(long)")) {
      assertTrue(!methods.contains(refused), refused + " must not be cacheable: " + methods);
    }
  }

  @Test
  void aQueryReadingTheClockOrRandomValuesIsNoCacheableRead() {
    Set<String> methods = cacheable("""
        package shop;
        import java.sql.Connection;
        class Promos {
          private Connection connection;
          int active(String code) throws Exception {
            return connection.createStatement().executeQuery("SELECT COUNT(*) FROM promo WHERE code = '" + code
                + "' AND valid_until > CURRENT_TIMESTAMP").getInt(1);
          }
          String token(String code) throws Exception {
            return connection.createStatement().executeQuery("SELECT RANDOM_UUID() FROM promo WHERE code = '" + code
                + "'").getString(1);
          }
          int stored(String code) throws Exception {
            return connection.createStatement().executeQuery("SELECT uuid FROM promo WHERE code = '" + code
                + "'").getInt(1);
          }
        }
        """);
    assertTrue(methods.contains("stored(String)"), methods.toString());
    assertTrue(!methods.contains("active(String)") && !methods.contains("token(String)"), methods.toString());

    // the clock read by a view the query selects from
    Set<String> throughView = new ProjectFixture(dir.resolve("view")).file("src/main/resources/schema.sql", """
        CREATE TABLE promo (code VARCHAR(9), expires TIMESTAMP);
        CREATE VIEW live_promo AS SELECT code FROM promo WHERE expires > now();
        CREATE VIEW all_promo AS SELECT code FROM promo;
        """).java("""
        package shop;
        import java.sql.Connection;
        class Live {
          private Connection connection;
          int live(String code) throws Exception {
            return connection.createStatement().executeQuery("SELECT COUNT(*) FROM live_promo WHERE code = '" + code
                + "'").getInt(1);
          }
          int all(String code) throws Exception {
            return connection.createStatement().executeQuery("SELECT COUNT(*) FROM all_promo WHERE code = '" + code
                + "'").getInt(1);
          }
        }
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
    assertTrue(throughView.contains("all(String)") && !throughView.contains("live(String)"), throughView.toString());
  }

  @Test
  void namePatternsRaiseRankButDoNotDecide() {
    List<Finding> findings = new ProjectFixture(dir).java(SERVICE).java("""
        package shop;
        enum Tier { GOLD, SILVER }
        """).java("""
        package shop;
        record Key(String sku, int qty) {}
        """).findings(Category.CACHEABLE_READ);
    Finding named = findings.stream().filter(f -> f.enclosingMethod().equals("fetchName(long)")).findFirst().orElseThrow();
    Finding unnamed = findings.stream().filter(f -> f.enclosingMethod().equals("quote(Key)")).findFirst().orElseThrow();
    assertEquals(Severity.MEDIUM, named.severity());
    assertEquals(Severity.LOW, unnamed.severity());
    assertEquals(true, named.details().get("namePatternMatch"));
  }

  @Test
  void alreadyCachedMethodsAreNotProposedAgain() {
    Set<String> methods = cacheable("""
        package shop;
        import java.sql.Connection;
        import java.sql.ResultSet;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import org.springframework.cache.annotation.Cacheable;
        class Countries {
          private Connection connection;
          private final Map<String, String> memo = new ConcurrentHashMap<>();
          @Cacheable("countries")
          public String findName(String code) throws Exception {
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT name FROM country")) { return rs.getString(1); }
          }
          public String findMemo(String code) {
            return memo.computeIfAbsent(code, c -> { try { return findName(c); } catch (Exception e) { return null; } });
          }
        }
        """);
    assertEquals(Set.of(), methods);
  }

  @Test
  void recursionDoesNotHideReadsFromOtherCallers() {
    java.util.List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package shop;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            class M {
              private final HttpClient http = HttpClient.newHttpClient();
              private final N n = new N();
              String fetchM(String id) throws Exception {
                if (id.isEmpty()) { return n.fetchN(id); }
                return http.send(HttpRequest.newBuilder(URI.create("https://m.example.com/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
              }
            }
            """)
        .java("""
            package shop;
            class N {
              private final M m = new M();
              String fetchN(String id) throws Exception { return m.fetchM(id + "x"); }
            }
            """)
        .java("""
            package shop;
            class Z {
              private final N n = new N();
              String fetchZ(String id) throws Exception { return n.fetchN(id); }
            }
            """)
        .findings(Category.CACHEABLE_READ);
    Set<String> owners = findings.stream().map(Finding::enclosingClass).collect(Collectors.toSet());
    assertEquals(Set.of("shop.M", "shop.N", "shop.Z"), owners, findings.toString());
  }

  @Test
  void aReadOfARemoteCacheStoreIsNotProposedForAnotherCache() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.data.redis.core.StringRedisTemplate;
        public class Sessions {
          private final StringRedisTemplate redis;
          public Sessions(StringRedisTemplate redis) { this.redis = redis; }
          public String session(String id) { return redis.opsForValue().get("session:" + id); }
        }
        """).assess().findings();
    assertTrue(findings.stream().anyMatch(f -> f.category() == Category.DB_QUERY), findings.toString());
    assertTrue(findings.stream().noneMatch(f -> f.category() == Category.CACHEABLE_READ), findings.toString());
  }

  /** A store interface, three implementations (jdbc, jpa-like, a Spring Data query method), each with {@code %s} before it. */
  private Set<String> throughThreeImplementations(String selected) {
    ProjectFixture fixture = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        public interface KindStore { List<String> kinds(); }
        """);
    for (String name : List.of("JdbcKindStore", "CopyKindStore")) {
      fixture.java("""
          package shop;
          import java.util.List;
          import org.springframework.context.annotation.Profile;
          import org.springframework.jdbc.core.JdbcTemplate;
          %s
          public class %s implements KindStore {
            private final JdbcTemplate jdbc;
            public %s(JdbcTemplate jdbc) { this.jdbc = jdbc; }
            public List<String> kinds() { return jdbc.queryForList("SELECT name FROM kinds", String.class); }
          }
          """.formatted(selected.formatted(name), name, name));
    }
    return fixture.java("""
        package shop;
        import java.util.List;
        import org.springframework.context.annotation.Profile;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.Repository;
        %s
        public interface DataKindStore extends KindStore, Repository<Kind, Integer> {
          @Override
          @Query("SELECT k.name FROM Kind k")
          List<String> kinds();
        }
        """.formatted(selected.formatted("DataKindStore"))).java("""
        package shop;
        public class Kind { Integer id; String name; }
        """).java("""
        package shop;
        import java.util.List;
        public class Kinds {
          private final KindStore store;
          public Kinds(KindStore store) { this.store = store; }
          public List<String> all() { return store.kinds(); }
        }
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
  }

  @Test
  void aReadThroughOneImplementationPerProfileIsFollowedWhateverTheirNumber() {
    Set<String> methods = throughThreeImplementations("@Profile(\"%s\")");
    assertTrue(methods.contains("all()"), methods.toString());
  }

  @Test
  void aMethodOverriddenThreeTimesWithoutProfilesIsStillNotFollowed() {
    // the fan-out cap stands for hierarchies whose many overrides say nothing about one call
    Set<String> methods = throughThreeImplementations("// %s");
    assertTrue(!methods.contains("all()"), methods.toString());
  }

  @Test
  void aSpringDataQueryMethodIsACandidateButNotOneAlreadyCachedNorAnotherDeclaredClientsMethod() {
    Set<String> methods = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        import org.springframework.cache.annotation.Cacheable;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.Repository;
        public interface KindRepository extends Repository<Kind, Integer> {
          @Query("SELECT k FROM Kind k ORDER BY k.name")
          List<Kind> findKinds();
          @Cacheable("kinds")
          List<Kind> findAll();
        }
        """).java("""
        package shop;
        public class Kind { Integer id; String name; }
        """).java("""
        package shop;
        import org.springframework.cloud.openfeign.FeignClient;
        import org.springframework.web.bind.annotation.GetMapping;
        @FeignClient("kinds")
        public interface KindClient {
          @GetMapping("/kinds")
          String kinds();
        }
        """).findings(Category.CACHEABLE_READ).stream().map(Finding::enclosingMethod).collect(Collectors.toSet());
    assertTrue(methods.contains("findKinds()"), methods.toString());
    assertTrue(!methods.contains("findAll()"), "already cached: " + methods);
    assertTrue(!methods.contains("kinds()"), "judged at its callers: " + methods);
  }
}
