package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactory;
import org.springframework.data.map.MapKeyValueAdapter;

/**
 * A Spring Data findById per id, batched into findAllById before the loop: the text, the compiled
 * result, and both versions run against a real Spring Data repository (the key-value module's, over
 * a map) with the answers compared element for element and the repository's calls counted.
 */
class FindByIdBatchRewriteTest {
  @TempDir Path dir;

  static final String ORDER = """
      package shop;

      import org.springframework.data.annotation.Id;

      public class Order {
          @Id
          private Long id;
          private String status;

          public Order(Long id, String status) {
              this.id = id;
              this.status = status;
          }

          public Long getId() {
              return id;
          }

          public String getStatus() {
              return status;
          }
      }
      """;

  static final String REPOSITORY = """
      package shop;

      import org.springframework.data.repository.ListCrudRepository;

      public interface OrderRepository extends ListCrudRepository<Order, Long> {
      }
      """;

  static final String LOOKUP_BEFORE = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import java.util.Optional;

      public class OrderLookup {
          private final OrderRepository orders;

          public OrderLookup(OrderRepository orders) {
              this.orders = orders;
          }

          public List<String> describe(List<Long> ids) {
              List<String> described = new ArrayList<>();
              for (Long id : ids) {
                  Optional<Order> order = orders.findById(id);
                  described.add(order.map(o -> o.getId() + " " + o.getStatus()).orElse(id + " missing"));
              }
              return described;
          }
      }
      """;

  static final String LOOKUP_AFTER = """
      package shop;

      import java.util.ArrayList;
      import java.util.LinkedHashMap;
      import java.util.List;
      import java.util.Map;
      import java.util.Optional;

      public class OrderLookup {
          private final OrderRepository orders;

          public OrderLookup(OrderRepository orders) {
              this.orders = orders;
          }

          public List<String> describe(List<Long> ids) {
              List<String> described = new ArrayList<>();
              // optkit migrate: one findAllById per 1000 ids before the loop instead of a findById per id; each id
              // takes its row once (a missing id none), and an id asked again, or null, calls findById as before
              Map<Long, Order> loadedOrders = new LinkedHashMap<>();
              for (Long key : ids) {
                  if (key != null) {
                      loadedOrders.put(key, null);
                  }
              }
              List<Long> idsToLoad = new ArrayList<>(loadedOrders.keySet());
              for (int from = 0; from < idsToLoad.size(); from += 1000) {
                  for (Order row : orders.findAllById(idsToLoad.subList(from, Math.min(from + 1000, idsToLoad.size())))) {
                      loadedOrders.put(row.getId(), row);
                  }
              }
              for (Long id : ids) {
                  Optional<Order> order = loadedOrders.containsKey(id) ? Optional.ofNullable(loadedOrders.remove(id)) : orders.findById(id);
                  described.add(order.map(o -> o.getId() + " " + o.getStatus()).orElse(id + " missing"));
              }
              return described;
          }
      }
      """;

  /** The loops rule alone: caching off, so the plan is the loop's. */
  private static OptkitConfig loopsOnly() {
    return MigrationFixture.loopsOnly(OptkitConfig.defaults().loops());
  }

  private MigrationFixture fixture(String lookup) {
    return new MigrationFixture(dir).java(ORDER).java(REPOSITORY).java(lookup).config(loopsOnly());
  }

  @Test
  void loadsTheRowsBeforeTheLoopAndTakesEachInItsTurnBeforeAndAfter() throws Exception {
    MigrationFixture fixture = fixture(LOOKUP_BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertEquals(LOOKUP_AFTER, MigrationFixture.after(plan, "src/main/java/shop/OrderLookup.java"));
    fixture.assertCompiles(plan);
  }

  @Test
  void anIdAGetterOfTheElementReturnsIsLoadedAheadToo() throws Exception {
    String line = """
        package shop;

        public record Line(Long orderId, int quantity) {}
        """;
    String lookup = LOOKUP_BEFORE.replace("describe(List<Long> ids)", "describe(List<Line> ids)")
        .replace("for (Long id : ids) {", "for (Line id : ids) {").replace("orders.findById(id)", "orders.findById(id.orderId())")
        .replace(".orElse(id + \" missing\")", ".orElse(id.orderId() + \" missing\")");
    MigrationFixture fixture = new MigrationFixture(dir).java(ORDER).java(REPOSITORY).java(line).java(lookup).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/OrderLookup.java");
    assertTrue(after.contains("for (Line id : ids) {") && after.contains("if (id != null && id.orderId() != null) {")
        && after.contains("loadedOrders.put(id.orderId(), null);"), after);
    assertTrue(after.contains("loadedOrders.containsKey(id.orderId()) ? Optional.ofNullable(loadedOrders.remove(id.orderId()))"
        + " : orders.findById(id.orderId())"), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void aLoopOverAGetterOfAParameterIsLoadedAheadByCallingTheGetterAgain() throws Exception {
    // pigeonkart's createOrder iterates request.getItems(): a getter that returns its field gives the same list twice
    String request = """
        package shop;

        import java.util.List;

        public class LookupRequest {
            private final List<Long> ids;

            public LookupRequest(List<Long> ids) {
                this.ids = ids;
            }

            public List<Long> getIds() {
                return ids;
            }
        }
        """;
    String lookup = LOOKUP_BEFORE.replace("describe(List<Long> ids)", "describe(LookupRequest request)")
        .replace("for (Long id : ids) {", "for (Long id : request.getIds()) {");
    MigrationFixture fixture = new MigrationFixture(dir.resolve("getter")).java(ORDER).java(REPOSITORY).java(request)
        .java(lookup).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/OrderLookup.java");
    assertTrue(after.contains("for (Long key : request.getIds()) {") && after.contains("for (Long id : request.getIds()) {"),
        after);
    fixture.assertCompiles(plan);
    // a getter that makes a new list each time would give the loading another list than the loop's
    MigrationPlan copying = new MigrationFixture(dir.resolve("copying")).java(ORDER).java(REPOSITORY)
        .java(request.replace("return ids;", "return new java.util.ArrayList<>(ids);")).java(lookup).config(loopsOnly()).plan();
    assertEquals(List.of(), copying.loops());
    assertEquals(Proof.LOOP_COLLECTION, RefusalIds.loopProof(copying), RefusalIds.listing(copying));
    // the name: no fact carries it yet
    assertTrue(copying.refusals().stream().anyMatch(r -> r.reason().contains("LookupRequest.getIds()")),
        RefusalIds.listing(copying));
  }

  private static final String TALLY = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;

      public class Tally {
          private final List<Note> notes = new ArrayList<>();

          public void add(Note note) {
              note.setTally(this);
              notes.add(note);
          }

          public List<String> texts() {
              List<String> texts = new ArrayList<>();
              notes.forEach(n -> texts.add(n.getText()));
              return texts;
          }
      }
      """;

  private static final String NOTE = """
      package shop;

      public class Note {
          private final String text;
          private Tally tally;

          public Note(String text) {
              this.text = text;
          }

          public String getText() {
              return text;
          }

          public void setTally(Tally tally) {
              this.tally = tally;
          }
      }
      """;

  private static final String TALLY_LOOKUP = LOOKUP_BEFORE
      .replace("List<String> described = new ArrayList<>();", "Tally tally = new Tally();")
      .replace("described.add(order.map(o -> o.getId() + \" \" + o.getStatus()).orElse(id + \" missing\"));",
          "tally.add(new Note(order.map(o -> o.getId() + \" \" + o.getStatus()).orElse(id + \" missing\")));")
      .replace("return described;", "return tally.texts();");

  @Test
  void anObjectTheMethodMadeAndKeepsToItselfMayBeFilledAndOneThatEscapedMayNot() throws Exception {
    // pigeonkart's createOrder: order.addItem(new OrderItem(...)), whose addItem sets the item's order; a failed
    // load leaves the method with its exception, and nobody else holds the order
    String tally = TALLY;
    String note = NOTE;
    String lookup = TALLY_LOOKUP;
    MigrationFixture fixture = new MigrationFixture(dir.resolve("kept")).java(ORDER).java(REPOSITORY).java(tally).java(note)
        .java(lookup).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    fixture.assertCompiles(plan);
    // the same tally handed to a field before the loop: whoever holds it would see what a failed load leaves
    String escaped = lookup.replace("Tally tally = new Tally();", "Tally tally = new Tally();\n        last = tally;")
        .replace("    public List<String> describe(", "    private Tally last;\n\n    public List<String> describe(");
    MigrationPlan refused = new MigrationFixture(dir.resolve("escaped")).java(ORDER).java(REPOSITORY).java(tally).java(note)
        .java(escaped).config(loopsOnly()).plan();
    assertEquals(List.of(), refused.loops(), "must be refused");
  }

  @Test
  void anEnumsConstantAFieldStartsWithIsAValueAndASharedConstantIsNot() throws Exception {
    // pigeonkart's CustomerOrder: private OrderStatus status = OrderStatus.PENDING_PAYMENT;
    String tally = TALLY.replace("    private final List<Note> notes = new ArrayList<>();",
        "    private final List<Note> notes = new ArrayList<>();\n    private Mood mood = Mood.CALM;");
    String mood = """
        package shop;

        public enum Mood {
            CALM, BUSY
        }
        """;
    MigrationFixture fixture = new MigrationFixture(dir.resolve("enum")).java(ORDER).java(REPOSITORY).java(tally)
        .java(mood).java(NOTE).java(TALLY_LOOKUP).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    fixture.assertCompiles(plan);
    // a constant that is a shared list: a new Tally starts out holding what everyone holds
    String holder = """
        package shop;

        import java.util.ArrayList;
        import java.util.List;

        public class Holder {
            public static final List<Note> SHARED = new ArrayList<>();
        }
        """;
    String sharing = TALLY.replace("    private final List<Note> notes = new ArrayList<>();",
        "    private final List<Note> notes = Holder.SHARED;");
    MigrationPlan refused = new MigrationFixture(dir.resolve("shared")).java(ORDER).java(REPOSITORY).java(sharing)
        .java(holder).java(NOTE).java(TALLY_LOOKUP).config(loopsOnly()).plan();
    assertEquals(List.of(), refused.loops(), "must be refused");
    String why = refused.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow();
    assertTrue(why.endsWith("(tally is made by describe(), but the construction of a Tally reads Holder.SHARED, "
        + "which optkit does not know to be an unchanging value)"), why);
    // an enum's static list is no enum constant: every Tally would start out holding it
    String journal = mood.replace("    CALM, BUSY\n", "    CALM, BUSY;\n\n    public static final java.util.List<Note> JOURNAL = "
        + "new java.util.ArrayList<>();\n");
    MigrationPlan journaled = new MigrationFixture(dir.resolve("journal")).java(ORDER).java(REPOSITORY)
        .java(TALLY.replace("    private final List<Note> notes = new ArrayList<>();",
            "    private final List<Note> notes = Mood.JOURNAL;"))
        .java(journal).java(NOTE).java(TALLY_LOOKUP).config(loopsOnly()).plan();
    assertEquals(List.of(), journaled.loops(), "must be refused");
  }

  @Test
  void aBatchedLoopIsLeftAsItIs() {
    // migrate twice changes nothing: the fallback findById is not an N+1 (it runs only for a key the loading missed:
    // no loop finding at all, so none to refuse), and a counted loop of findAllById per chunk is the batch itself
    MigrationPlan plan = fixture(LOOKUP_AFTER).plan();
    assertEquals(List.of(), plan.loops());
    List<String> reasons = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).toList();
    assertEquals(List.of(), reasons);
  }

  @Test
  void theBatchedLoopAnswersAsTheOriginalElementForElementWithOneLoadPerChunk() throws Exception {
    MigrationFixture fixture = fixture(LOOKUP_BEFORE);
    MigrationPlan plan = fixture.plan();
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    List<Long> many = new ArrayList<>();
    for (long id = 1; id <= 2_500; id++) {
      many.add(id % 7 == 0 ? id + 100_000 : id); // every seventh missing; three chunks of findAllById
    }
    List<List<Long>> inputs = List.of(List.of(), List.of(1L), List.of(3L, 1L, 2L), List.of(1L, 99L, 1L, 2L, 99L),
        Arrays.asList(1L, null, 2L), many);
    for (List<Long> input : inputs) {
      Run before = run(original, input);
      Run after = run(migrated, input);
      assertEquals(before.answer(), after.answer(), "answers for " + shortly(input));
      if (input.stream().anyMatch(java.util.Objects::isNull)) {
        assertTrue(after.answer().startsWith("java.lang.IllegalArgumentException"), after.answer());
        continue; // findById(null) throws, in its own turn, in both
      }
      assertEquals(input.size(), (int) before.calls().getOrDefault("findById", 0), "the original's queries");
      long distinct = input.stream().filter(java.util.Objects::nonNull).distinct().count();
      assertEquals(input.size() - distinct, (long) after.calls().getOrDefault("findById", 0),
          "the migrated loop calls findById only for an id asked again or null: " + shortly(input));
      assertEquals((distinct + 999) / 1000, (long) after.calls().getOrDefault("findAllById", 0), "loads of " + shortly(input));
    }
  }

  private static String shortly(List<Long> input) {
    return input.size() > 10 ? input.size() + " ids" : input.toString();
  }

  private record Run(String answer, Map<String, Integer> calls) {}

  /** The lookup over a real Spring Data key-value repository holding orders 1 to 2,500, its calls counted. */
  private static Run run(Path classes, List<Long> ids) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        FindByIdBatchRewriteTest.class.getClassLoader())) {
      Class<?> repositoryType = loader.loadClass("shop.OrderRepository");
      Class<?> orderType = loader.loadClass("shop.Order");
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        KeyValueRepositoryFactory factory = new KeyValueRepositoryFactory(new KeyValueTemplate(new MapKeyValueAdapter()));
        factory.setBeanClassLoader(loader);
        Object repository = factory.getRepository(repositoryType);
        var save = repositoryType.getMethod("save", Object.class);
        for (long id = 1; id <= 2_500; id++) {
          save.invoke(repository, orderType.getConstructor(Long.class, String.class).newInstance(id, id % 2 == 0 ? "PAID" : "OPEN"));
        }
        Map<String, Integer> calls = new TreeMap<>();
        Object counted = Proxy.newProxyInstance(loader, new Class<?>[] {repositoryType}, (proxy, method, args) -> {
          calls.merge(method.getName(), 1, Integer::sum);
          try {
            return method.invoke(repository, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
        Object lookup = loader.loadClass("shop.OrderLookup").getConstructor(repositoryType).newInstance(counted);
        String answer;
        try {
          answer = String.valueOf(lookup.getClass().getMethod("describe", List.class).invoke(lookup, ids));
        } catch (InvocationTargetException e) {
          answer = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
        }
        return new Run(answer, calls);
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  // ---- what a careful engineer batches by hand, batched: each shape once refused ----------------

  /** Batched, compiled, and answering as the original over the real repository, repeats, missing ids and null included. */
  static void batchedAndAnsweringAlike(MigrationFixture fixture) throws Exception {
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (List<Long> input : List.of(List.of(3L, 1L, 2L), List.of(1L, 99L, 1L, 2L, 99L), Arrays.asList(1L, null, 2L))) {
      Run before = run(original, input);
      Run after = run(migrated, input);
      assertEquals(before.answer(), after.answer(), "answers for " + input);
      if (input.stream().noneMatch(java.util.Objects::isNull)) {
        assertEquals(1, (int) after.calls().getOrDefault("findAllById", 0), "one load for " + input);
      }
    }
  }

  @Test
  void aRepositoryOverAGenericBaseInterfaceIsBatched() throws Exception {
    // OrderRepository extends BaseRepository<Order, Long>, BaseRepository<T, ID> extends ListCrudRepository<T, ID>
    batchedAndAnsweringAlike(new MigrationFixture(dir).java(ORDER).java("""
        package shop;

        import org.springframework.data.repository.ListCrudRepository;
        import org.springframework.data.repository.NoRepositoryBean;

        @NoRepositoryBean
        public interface BaseRepository<T, ID> extends ListCrudRepository<T, ID> {
        }
        """).java(REPOSITORY.replace("extends ListCrudRepository<Order, Long>", "extends BaseRepository<Order, Long>")
            .replace("import org.springframework.data.repository.ListCrudRepository;\n", ""))
        .java(LOOKUP_BEFORE).config(loopsOnly()));
  }

  @Test
  void aMongoRepositoryIsACrudRepositoryAndItsStringIdsAreRefusedForWhatTheyAre() {
    // MongoRepository extends ListCrudRepository; its jar need not be on hand for optkit to know it
    String mongo = REPOSITORY.replace("import org.springframework.data.repository.ListCrudRepository;",
        "import org.springframework.data.mongodb.repository.MongoRepository;")
        .replace("extends ListCrudRepository<Order, Long>", "extends MongoRepository<Order, Long>");
    // String ids: Spring Data MongoDB reads a hex string as an ObjectId, and the loaded row's id may not be the
    // string asked for, so the row would be looked up under another key
    Refusal refused = refusal(LOOKUP_BEFORE.replace("List<Long> ids", "List<String> ids").replace("Long id :", "String id :"),
        mongo.replace("Order, Long>", "Order, String>"));
    assertEquals(Proof.LOOP_BATCH_FORM, refused.proof(), refused.reason());
    // (the refusal's fixture is the whole temporary folder: this one goes beside it, after it)
    MigrationPlan plan = new MigrationFixture(dir.resolve("mongo")).java(ORDER).java(mongo).java(LOOKUP_BEFORE)
        .config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
  }

  @Test
  void anEntityWhoseIdIsDeclaredByAGenericSuperclassIsBatched() throws Exception {
    batchedAndAnsweringAlike(new MigrationFixture(dir).java("""
        package shop;

        import org.springframework.data.annotation.Id;

        public abstract class BaseEntity<ID> {
            @Id
            private ID id;

            protected BaseEntity(ID id) {
                this.id = id;
            }

            public ID getId() {
                return id;
            }
        }
        """).java("""
        package shop;

        public class Order extends BaseEntity<Long> {
            private final String status;

            public Order(Long id, String status) {
                super(id);
                this.status = status;
            }

            public String getStatus() {
                return status;
            }
        }
        """).java(REPOSITORY).java(LOOKUP_BEFORE).config(loopsOnly()));
  }

  @Test
  void aLoadedRowTheBodySetsAValueOnIsBatched() throws Exception {
    // the row is the loop's own: setting its status changes neither the value given nor anything loaded before
    batchedAndAnsweringAlike(new MigrationFixture(dir).java(ORDER.replace("""
            public String getStatus() {""", """
            public void setStatus(String status) {
                this.status = status;
            }

            public String getStatus() {""")).java(REPOSITORY).java(LOOKUP_BEFORE.replace("""
                Optional<Order> order = orders.findById(id);
                described.add(order.map(o -> o.getId() + " " + o.getStatus()).orElse(id + " missing"));""", """
                Order order = orders.findById(id).orElse(null);
                if (order == null) {
                    described.add(id + " missing");
                    continue;
                }
                order.setStatus(order.getStatus() + "+seen");
                described.add(order.getId() + " " + order.getStatus());""")).config(loopsOnly()));
  }

  @Test
  void aLoopThatIsACasesStatementOrReadsItsCollectionsSizeIsBatched() throws Exception {
    batchedAndAnsweringAlike(fixture(LOOKUP_BEFORE.replace("""
            List<String> described = new ArrayList<>();
            for (Long id : ids) {""", """
            List<String> described = new ArrayList<>();
            switch (ids.size()) {
            case 0:
                return described;
            default:
            for (Long id : ids) {""").replace("""
                described.add(order.map(o -> o.getId() + " " + o.getStatus()).orElse(id + " missing"));
            }""", """
                described.add(order.map(o -> o.getId() + " " + o.getStatus()).orElse(id + " missing") + " of " + ids.size());
            }
            }""")));
  }

  // ---- refusals: each a thing loading the rows first would change ---------------------------

  private Refusal refusal(String lookup, String repository) {
    return refusal(lookup, repository, ORDER);
  }

  /** The loop refusal of {@code lookup}, which must be refused: its proof, and its words. */
  private Refusal refusal(String lookup, String repository, String entity) {
    MigrationPlan plan = new MigrationFixture(dir).java(entity).java(repository).java(lookup).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + lookup);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  @Test
  void aFindByIdOfTheProjectsOwnIsRefused() {
    Refusal refused = refusal(LOOKUP_BEFORE, REPOSITORY.replace("{\n}", """
        {
            @org.springframework.data.jdbc.repository.query.Query("SELECT * FROM orders WHERE id = :id AND deleted = FALSE")
            java.util.Optional<Order> findById(Long id);
        }"""));
    assertEquals(Proof.LOOP_BATCH_FORM, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("OrderRepository declares its own findById()"), refused.reason());
  }

  @Test
  void aWriteInTheBodyIsRefused() {
    // a failed findAllById would leave seen empty, where the original left the ids before the failure in it
    Refusal refused = refusal(LOOKUP_BEFORE.replace("describe(List<Long> ids)", "describe(List<Long> ids, List<String> seen)")
        .replace("            Optional<Order> order = orders.findById(id);\n",
            "            Optional<Order> order = orders.findById(id);\n            seen.add(\"\" + id);\n"), REPOSITORY);
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("add() on seen"), refused.reason());
    refused = refusal(LOOKUP_BEFORE.replace("describe(List<Long> ids)", "describe(List<Long> ids, List<String> seen)")
        .replace("            Optional<Order> order = orders.findById(id);\n",
            "            Optional<Order> order = orders.findById(id);\n            note(seen, id);\n")
        .replace("    public List<String> describe(", "    static void note(List<String> seen, Long id) {\n"
            + "        seen.add(\"\" + id);\n    }\n\n    public List<String> describe("), REPOSITORY);
    assertEquals(Proof.LOOP_AHEAD_STATE, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("OrderLookup.note()"), refused.reason());
  }

  @Test
  void anotherQueryInTheBodyIsRefused() {
    Refusal refused = refusal(LOOKUP_BEFORE.replace("            Optional<Order> order = orders.findById(id);\n",
        "            Optional<Order> order = orders.findById(id);\n            order.ifPresent(orders::save);\n"), REPOSITORY);
    assertEquals(Proof.LOOP_OTHER_IO, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("(orders.findById(id), orders::save)"), refused.reason());
  }

  /** pigeonkart's applyStockAndSave: per element, load, change and save the same entity. */
  static final String STOCK_LOOP = """
      package shop;

      import java.util.List;
      import java.util.NoSuchElementException;

      public class Stock {
          private final OrderRepository orders;

          public Stock(OrderRepository orders) {
              this.orders = orders;
          }

          @org.springframework.transaction.annotation.Transactional
          public void close(List<Long> ids) {
              for (Long id : ids) {
                  Order order = orders.findById(id).orElseThrow(() -> new NoSuchElementException("no " + id));
                  order.close();
                  orders.save(order);
              }
          }
      }
      """;

  @Test
  void savingWhatTheLoopLoadsInATransactionIsRefusedForTheOrderOfItsWrites() {
    String entity = ORDER.replace("    public String getStatus() {", "    public void close() {\n"
        + "        status = \"closed\";\n    }\n\n    public String getStatus() {");
    // in a transaction the save runs no statement: the flush writes in load order, which findAllById would change
    Refusal refused = refusal(STOCK_LOOP, REPOSITORY, entity);
    assertEquals(Proof.LOOP_BATCH_ENTITY, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("(orders.save(order)) in the transaction of Stock.close()"), refused.reason());
    // without one each save is a statement of its own, run at once: two calls that wait on I/O, as it says
    refused = refusal(STOCK_LOOP.replace("    @org.springframework.transaction.annotation.Transactional\n", ""),
        REPOSITORY, entity);
    assertEquals(Proof.LOOP_OTHER_IO, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("(orders.findById(id), orders.save(order))"), refused.reason());
  }

  @Test
  void idsThatTheDatabaseMayCompareOtherwiseAreRefused() {
    // 'abc' finds 'ABC' under a case-insensitive collation, and the row would be put under 'ABC'
    Refusal refused = refusal(LOOKUP_BEFORE.replace("List<Long> ids", "List<String> ids").replace("Long id :", "String id :"),
        REPOSITORY.replace("Order, Long>", "Order, String>"));
    assertEquals(Proof.LOOP_BATCH_FORM, refused.proof(), refused.reason());
  }

  @Test
  void anEntityWhoseRowsAQueryMayFilterIsRefused() {
    // @SQLRestriction, @Where, @Filter: a query and a load by id may not see the same rows
    MigrationPlan plan = new MigrationFixture(dir).java(ORDER.replace("public class Order {",
            "@org.hibernate.annotations.SQLRestriction(\"deleted = false\")\npublic class Order {"))
        .java(REPOSITORY).java(LOOKUP_BEFORE).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops());
    assertEquals(Proof.LOOP_BATCH_ENTITY, RefusalIds.loopProof(plan), RefusalIds.listing(plan));
    // the name: no fact carries it yet
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("@SQLRestriction")), RefusalIds.listing(plan));
  }

  @Test
  void anIdFieldOfAnotherTypeThanTheRepositorysIsRefused() {
    MigrationPlan plan = new MigrationFixture(dir).java(ORDER.replace("private Long id;", "private Integer id;")
            .replace("public Order(Long id,", "public Order(Integer id,").replace("public Long getId()", "public Integer getId()"))
        .java(REPOSITORY).java(LOOKUP_BEFORE).config(loopsOnly()).plan();
    assertEquals(List.of(), plan.loops());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().equals("Order's @Id field is a Integer where its "
        + "repository declares Long ids")), plan.refusals().toString());
  }

  @Test
  void aJpaEntityOutsideTransactionsIsBatchedAndInsideOneOrTheSecondLevelCacheIsRefused() {
    String entity = ORDER.replace("public class Order {", "@jakarta.persistence.Entity\npublic class Order {");
    // in a transaction that has read or written before the loop, findAllById's query flushes what it holds first,
    // em.find does not
    String transactional = LOOKUP_BEFORE.replace("    public List<String> describe(",
        "    @org.springframework.transaction.annotation.Transactional\n    public List<String> describe(");
    Refusal refused = refusal(transactional.replace("List<String> described = new ArrayList<>();",
        "List<String> described = new ArrayList<>();\n        described.add(\"of \" + orders.count());"), REPOSITORY, entity);
    assertEquals(Proof.LOOP_BATCH_ENTITY, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("transaction of OrderLookup.describe()"), refused.reason());
    // em.find may answer from the second-level cache, the query does not read it
    refused = refusal(LOOKUP_BEFORE, REPOSITORY, entity.replace("@jakarta.persistence.Entity",
        "@jakarta.persistence.Entity\n@jakarta.persistence.Cacheable"));
    assertEquals(Proof.LOOP_BATCH_ENTITY, refused.proof(), refused.reason());
    // outside transactions each call has a read-only transaction of its own, which flushes nothing
    MigrationPlan plan = new MigrationFixture(dir.resolve("outside")).java(entity).java(REPOSITORY).java(LOOKUP_BEFORE)
        .config(loopsOnly()).plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    // first in a transaction the method opens itself: nothing to flush yet, one persistence context either way
    MigrationPlan opened = new MigrationFixture(dir.resolve("opened")).java(entity).java(REPOSITORY).java(transactional)
        .config(loopsOnly()).plan();
    assertEquals(1, opened.loops().size(), opened.refusals().toString());
  }

  @Test
  void aRepositoryTheBodyPicksOrATryInsideItIsRefused() {
    Refusal refused = refusal(LOOKUP_BEFORE.replace("            Optional<Order> order = orders.findById(id);\n",
        "            OrderRepository source = orders;\n            Optional<Order> order = source.findById(id);\n"), REPOSITORY);
    assertEquals(Proof.LOOP_BATCH_FORM, refused.proof(), refused.reason());
    // the name: no fact carries it yet
    assertTrue(refused.reason().contains("called on source"), refused.reason());
    refused = refusal(LOOKUP_BEFORE.replace("            Optional<Order> order = orders.findById(id);\n",
        "            Optional<Order> order;\n            try {\n                order = orders.findById(id);\n"
            + "            } catch (RuntimeException e) {\n                order = Optional.empty();\n            }\n"), REPOSITORY);
    assertEquals(Proof.LOOP_SHAPE, refused.proof(), refused.reason());
  }

  @Test
  void anEntityOfAnotherPackageIsImported() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(ORDER.replace("package shop;", "package shop.domain;"))
        .java(REPOSITORY.replace("import org.springframework", "import shop.domain.Order;\nimport org.springframework"))
        // the lookup never names Order: the loading's Map<Long, Order> needs the import optkit adds
        .java(LOOKUP_BEFORE.replace("Optional<Order> order = orders.findById(id);", "var order = orders.findById(id);"))
        .config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(MigrationFixture.after(plan, "src/main/java/shop/OrderLookup.java").contains("import shop.domain.Order;"));
    fixture.assertCompiles(plan);
  }

  @Test
  void aCatchAroundTheLoopIsRefused() {
    Refusal refused = refusal(LOOKUP_BEFORE.replace("        for (Long id : ids) {", "        try {\n"
        + "        for (Long id : ids) {").replace("        return described;", "        } catch (RuntimeException e) {\n"
        + "            described.add(\"failed\");\n        }\n        return described;"), REPOSITORY);
    assertEquals(Proof.LOOP_SHAPE, refused.proof(), refused.reason());
  }
}
