package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Trial 93's cause 5 (spring-petclinic-rest's JdbcVetRepositoryImpl.findAll()): a query per vet whose rows the body
 * adds to the vet itself ({@code vet.addSpecialty(id)}), the vet a new object the method's own query made for its row.
 * The change is the element's own, made after its query, so loading every vet's rows ahead answers alike: the text, the
 * compiled result, both versions run over H2 and compared, the queries counted. Where the element may be another's
 * (a list the method is given or hands on, a mapper answering kept objects, a vet made with a shared list) or the
 * change comes before the element's query, it refuses.
 */
class JdbcKeyQueryFilledElementTest {
  @TempDir Path dir;

  static final String VET = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;

      public class Vet {
          private final int id;
          private final String name;
          private final List<Integer> specialtyIds = new ArrayList<>();

          public Vet(int id, String name) {
              this.id = id;
              this.name = name;
          }

          public int getId() {
              return id;
          }

          public void addSpecialty(int specialtyId) {
              specialtyIds.add(specialtyId);
          }

          @Override
          public String toString() {
              return id + ":" + name + specialtyIds;
          }
      }
      """;

  static final String BEFORE = """
      package shop;

      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;

      public class Vets {
          private final JdbcTemplate jdbc;

          public Vets(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public List<Vet> findAll() {
              List<Vet> vets = jdbc.query("SELECT id, name FROM vets ORDER BY id", (rs, i) -> new Vet(rs.getInt(1), rs.getString(2)));
              for (Vet vet : vets) {
                  List<Integer> ids = jdbc.query("SELECT vet_id, specialty_id FROM vet_specialties WHERE vet_id = ? ORDER BY specialty_id",
                          (rs, i) -> rs.getInt(2), vet.getId());
                  for (int id : ids) {
                      vet.addSpecialty(id);
                  }
              }
              return vets;
          }
      }
      """;

  private MigrationFixture fixture(String vets) {
    return new MigrationFixture(dir).java(VET).java(vets).config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
  }

  @Test
  void eachVetsRowsAreLoadedAheadAndAddedToItInItsTurn() throws Exception {
    MigrationFixture fixture = fixture(BEFORE);
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Vets.java");
    assertTrue(after.contains("WHERE vet_id IN (\" + marks + \")") || after.contains(" IN ("), after);
    assertTrue(after.contains("                vet.addSpecialty(id);"), after);
    fixture.assertCompiles(plan);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (int vets : List.of(0, 1, 7, 2_500)) {
      Run before = run(original, vets);
      Run rewritten = run(migrated, vets);
      assertEquals(before.answer(), rewritten.answer(), vets + " vets");
      assertEquals(vets, before.queries(), "a query per vet (the vets' own, without arguments, is not counted)");
      assertEquals(0, rewritten.queries(), "no query per vet");
      assertEquals((vets + 999) / 1000, rewritten.inQueries(), "IN queries for " + vets + " vets");
    }
    assertEquals("[1:vet 1[1], 2:vet 2[1, 2], 3:vet 3[], 4:vet 4[1], 5:vet 5[1, 2], 6:vet 6[], 7:vet 7[1]]",
        run(migrated, 7).answer());
  }

  static final String BEAN = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;

      public class Vet {
          private int id;
          private String name;
          private final List<Integer> specialtyIds = new ArrayList<>();

          public int getId() {
              return id;
          }

          public void setId(int id) {
              this.id = id;
          }

          public void setName(String name) {
              this.name = name;
          }

          public void addSpecialty(int specialtyId) {
              specialtyIds.add(specialtyId);
          }

          @Override
          public String toString() {
              return id + ":" + name + specialtyIds;
          }
      }
      """;

  /** spring-petclinic-rest's own shape: a new list the vets' query is added to, its rows mapped by Spring's bean mapper. */
  static final String ADDED = BEFORE.replace("import java.util.List;\n",
      "import java.util.ArrayList;\nimport java.util.List;\nimport org.springframework.jdbc.core.BeanPropertyRowMapper;\n")
      .replace("        List<Vet> vets = jdbc.query(\"SELECT id, name FROM vets ORDER BY id\", (rs, i) -> new Vet(rs.getInt(1), rs.getString(2)));\n",
          "        List<Vet> vets = new ArrayList<>();\n"
              + "        vets.addAll(jdbc.query(\"SELECT id, name FROM vets ORDER BY id\", BeanPropertyRowMapper.newInstance(Vet.class)));\n");

  @Test
  void aNewListTheVetsAreAddedToWithSpringsBeanMapperAnswersAlike() throws Exception {
    assertTrue(ADDED.contains("vets.addAll(jdbc.query("), ADDED);
    MigrationFixture fixture = new MigrationFixture(dir).java(BEAN).java(ADDED)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops()));
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().stream().map(Refusal::reason).toList().toString());
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    for (int vets : List.of(0, 5, 1_200)) {
      assertEquals(run(original, vets).answer(), run(migrated, vets).answer(), vets + " vets");
      assertEquals(0, run(migrated, vets).queries());
    }
    // a setter that keeps the vet elsewhere: each vet may be another's
    String kept = BEAN.replace("        this.name = name;\n", "        this.name = name;\n        Registry.ALL.add(this);\n");
    MigrationPlan refused = new MigrationFixture(dir.resolve("kept")).java(kept).java(ADDED)
        .java("package shop;\npublic class Registry {\n    public static final java.util.List<Object> ALL = new java.util.ArrayList<>();\n}\n")
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
    assertEquals(List.of(), refused.loops(), "must be refused");
  }

  @Test
  void aVetTheMethodIsGivenOrHandsOnIsRefused() {
    assertRefused(BEFORE.replace("    public List<Vet> findAll() {\n        List<Vet> vets = jdbc.query(\"SELECT id, name FROM vets ORDER BY id\", (rs, i) -> new Vet(rs.getInt(1), rs.getString(2)));",
        "    public List<Vet> findAll(List<Vet> vets) {"), "addSpecialty");
    assertRefused(BEFORE.replace("        for (Vet vet : vets) {",
        "        SEEN.addAll(vets);\n        for (Vet vet : vets) {").replace("    private final JdbcTemplate jdbc;",
        "    static final List<Vet> SEEN = new java.util.ArrayList<>();\n    private final JdbcTemplate jdbc;"), "addSpecialty");
  }

  @Test
  void aMapperAnsweringKeptVetsIsRefused() {
    assertRefused(BEFORE.replace("(rs, i) -> new Vet(rs.getInt(1), rs.getString(2))",
        "(rs, i) -> KNOWN.computeIfAbsent(rs.getInt(1), id -> new Vet(id, \"x\"))").replace("    private final JdbcTemplate jdbc;",
        "    static final java.util.Map<Integer, Vet> KNOWN = new java.util.HashMap<>();\n    private final JdbcTemplate jdbc;"),
        "addSpecialty");
  }

  @Test
  void aVetMadeWithASharedListIsRefused() {
    String shared = BEFORE.replace("new Vet(rs.getInt(1), rs.getString(2))", "new Vet(rs.getInt(1), rs.getString(2), ALL)")
        .replace("    private final JdbcTemplate jdbc;", "    static final List<Integer> ALL = new java.util.ArrayList<>();\n"
            + "    private final JdbcTemplate jdbc;");
    String vet = VET.replace("    private final List<Integer> specialtyIds = new ArrayList<>();", "    private final List<Integer> specialtyIds;")
        .replace("    public Vet(int id, String name) {\n", "    public Vet(int id, String name, List<Integer> specialtyIds) {\n"
            + "        this.specialtyIds = specialtyIds;\n");
    MigrationPlan plan = new MigrationFixture(dir).java(vet).java(shared)
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
    assertEquals(List.of(), plan.loops(), "must be refused");
  }

  @Test
  void aVetItsConstructorKeepsElsewhereIsRefused() {
    String kept = VET.replace("        this.name = name;\n", "        this.name = name;\n        Registry.ALL.add(this);\n");
    MigrationPlan plan = new MigrationFixture(dir).java(kept).java(BEFORE)
        .java("package shop;\npublic class Registry {\n    public static final java.util.List<Object> ALL = new java.util.ArrayList<>();\n}\n")
        .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
    assertEquals(List.of(), plan.loops(), "must be refused");
  }

  /** Hostile review 97's v13: a vet that throws (or prints) in its turn, before a later vet's query would fail. */
  @Test
  void anElementsMethodThatMayThrowOrPrintIsRefused() {
    for (String body : List.of("        if (specialtyId == 5) {\n            throw new IllegalArgumentException(\"retired\");\n        }\n",
        "        System.out.println(specialtyId);\n")) {
      String vet = VET.replace("    public void addSpecialty(int specialtyId) {\n", "    public void addSpecialty(int specialtyId) {\n" + body);
      assertTrue(!vet.equals(VET), body);
      MigrationPlan plan = new MigrationFixture(dir.resolve("v" + body.length())).java(vet).java(BEFORE)
          .config(MigrationFixture.loopsOnly(OptkitConfig.defaults().loops())).plan();
      assertEquals(List.of(), plan.loops(), "must be refused: " + body);
    }
  }

  @Test
  void aChangeBeforeTheElementsQueryIsRefused() {
    assertRefused(BEFORE.replace("        for (Vet vet : vets) {\n", "        for (Vet vet : vets) {\n            vet.addSpecialty(0);\n"),
        "addSpecialty");
  }

  private void assertRefused(String vets, String why) {
    MigrationPlan plan = fixture(vets).plan();
    assertEquals(List.of(), plan.loops(), "must be refused:\n" + vets);
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
    assertTrue(reason.contains(why), reason);
  }

  private record Run(String answer, int queries, int inQueries) {
  }

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Vets 1 to n; vet x has specialties 1 to x mod 3, in a fresh H2 database. */
  private static Run run(Path classes, int vets) throws Exception {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:filled" + DATABASES.incrementAndGet()
        + ";DB_CLOSE_DELAY=-1");
    JdbcKeyQueryListRewriteTest.CountingJdbcTemplate jdbc = new JdbcKeyQueryListRewriteTest.CountingJdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE vets (id INT PRIMARY KEY, name VARCHAR(40))");
    jdbc.execute("CREATE TABLE vet_specialties (vet_id INT, specialty_id INT)");
    if (vets > 0) {
      jdbc.execute("INSERT INTO vets SELECT x, 'vet ' || x FROM SYSTEM_RANGE(1, " + vets + ")");
      jdbc.execute("INSERT INTO vet_specialties SELECT v.x, s.x FROM SYSTEM_RANGE(1, " + vets + ") v, SYSTEM_RANGE(1, 2) s "
          + "WHERE s.x <= MOD(v.x, 3)");
    }
    jdbc.calls.clear();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        JdbcKeyQueryFilledElementTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Vets");
      Object dao = type.getConstructor(JdbcTemplate.class).newInstance(jdbc);
      String answer;
      try {
        answer = String.valueOf(type.getMethod("findAll").invoke(dao));
      } catch (InvocationTargetException e) {
        answer = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
      return new Run(answer, count(jdbc, "query"), count(jdbc, "in"));
    }
  }

  private static int count(JdbcKeyQueryListRewriteTest.CountingJdbcTemplate jdbc, String kind) {
    AtomicInteger counted = jdbc.calls.get(kind);
    return counted == null ? 0 : counted.get();
  }
}
