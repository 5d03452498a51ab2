import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Runs GamerX29b/AProject's JdbcTemplateProductDaoImpl, as published and as migrated, over the same H2 data. */
public class AProjectProbe {
  static final AtomicInteger DBS = new AtomicInteger();

  static class Counting extends JdbcTemplate {
    final Map<String, Integer> calls = new TreeMap<>();
    Counting(DataSource ds) { super(ds); }
    @Override public <T> T queryForObject(String sql, RowMapper<T> m, Object... args) {
      calls.merge("queryForObject", 1, Integer::sum); return super.queryForObject(sql, m, args);
    }
    @Override public void query(String sql, RowCallbackHandler h, Object... args) {
      calls.merge("query(IN)", 1, Integer::sum); super.query(sql, h, args);
    }
  }

  /** schema as db/liquibase.xml makes it (PostgreSQL: unquoted names fold to lower case) */
  static Counting database(String variant) {
    DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:p" + DBS.incrementAndGet()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    Counting jdbc = new Counting(ds);
    boolean failing = variant.equals("bad-row");
    jdbc.execute("CREATE TABLE \"product\" (id SERIAL PRIMARY KEY, \"nameProduct\" VARCHAR(255), \"Quantity\" "
        + (failing ? "VARCHAR(20)" : "INT") + ")");
    jdbc.execute("INSERT INTO \"product\" (id, \"nameProduct\", \"Quantity\") SELECT \"X\", 'product ' || \"X\", "
        + (failing ? "CASE WHEN \"X\" = 5 THEN 'five' ELSE CAST(\"X\" * 10 AS VARCHAR) END" : "\"X\" * 10")
        + " FROM SYSTEM_RANGE(1, 3000)");
    if (variant.equals("no-table")) {
      jdbc.execute("DROP TABLE \"product\"");
    }
    jdbc.calls.clear();
    return jdbc;
  }

  static String show(Object value) throws Exception {
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        out.append(e.getKey()).append('=').append(show(e.getValue())).append(", ");
      }
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object o : list) out.append(show(o)).append(", ");
      return out.append(']').toString();
    }
    if (value == null) return "null";
    Class<?> c = value.getClass();
    return c.getMethod("getId").invoke(value) + ":" + c.getMethod("getNameProduct").invoke(value) + ":"
        + c.getMethod("getQuantity").invoke(value);
  }

  record Run(String answer, Map<String, Integer> calls) {}

  static Run run(Path classes, String method, Set<Integer> ids, String variant) throws Exception {
    Counting jdbc = database(variant);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, AProjectProbe.class.getClassLoader())) {
      Class<?> dao = loader.loadClass("Aproject.Aprojectsystem.database.dao.JdbcTemplateProductDaoImpl");
      Object instance = dao.getConstructor(DataSource.class, JdbcTemplate.class).newInstance(jdbc.getDataSource(), jdbc);
      Method m = dao.getMethod(method, Set.class);
      String answer;
      try {
        answer = show(m.invoke(instance, ids));
      } catch (InvocationTargetException e) {
        Throwable t = e.getCause();
        answer = t.getClass().getName() + ": " + t.getMessage();
      }
      return new Run(answer, jdbc.calls);
    }
  }

  public static void main(String[] args) throws Exception {
    Path before = Path.of(args[0]), after = Path.of(args[1]);
    Set<Integer> many = new LinkedHashSet<>();
    for (int i = 2500; i >= 1; i--) many.add(i);
    Map<String, Set<Integer>> cases = new LinkedHashMap<>();
    cases.put("empty", new LinkedHashSet<>());
    cases.put("three ids, not in key order", new LinkedHashSet<>(List.of(3, 1, 2)));
    cases.put("a missing id (999999) between two", new LinkedHashSet<>(List.of(1, 999_999, 2)));
    cases.put("2,500 ids", many);
    cases.put("HashSet of ids", new HashSet<>(List.of(42, 7, 1999, 3)));
    int equal = 0, total = 0;
    for (String method : List.of("getProductBySetId", "getProductMapBySetId")) {
      for (Map.Entry<String, Set<Integer>> c : cases.entrySet()) {
        for (String variant : List.of("normal", "bad-row", "no-table")) {
          if (!variant.equals("normal") && c.getKey().equals("2,500 ids")) continue;
          Set<Integer> ids = variant.equals("bad-row") ? new LinkedHashSet<>(List.of(1, 5, 2)) : c.getValue();
          if (variant.equals("bad-row") && !c.getKey().startsWith("three")) continue;
          Run b = run(before, method, ids, variant);
          Run a = run(after, method, ids, variant);
          boolean same = b.answer().equals(a.answer());
          // the IN query quotes its own SQL in a failure's message: compare type and what precedes the SQL
          boolean sameFailure = !same && b.answer().contains("Exception") && a.answer().contains("Exception")
              && b.answer().split(":")[0].equals(a.answer().split(":")[0]);
          total++;
          if (same) equal++;
          String label = method + " / " + (variant.equals("bad-row") ? "row 5 unmappable ('five' as Quantity), ids [1, 5, 2]" : c.getKey()) + " / " + variant;
          System.out.println((same ? "EQUAL  " : sameFailure ? "SAME EXCEPTION TYPE, other SQL in message  " : "DIFFERENT  ") + label);
          System.out.println("   before " + b.calls() + "  after " + a.calls());
          String shown = b.answer().length() > 160 ? b.answer().substring(0, 160) + "..." : b.answer();
          System.out.println("   answer " + shown);
          if (!same) System.out.println("   after  " + a.answer());
        }
      }
    }
    System.out.println(equal + " of " + total + " answers equal");
  }
}
