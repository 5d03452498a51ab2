package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.sites.SqlParsing;
import dev.optkit.analyzers.facts.sites.SqlStatements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MyBatis statement as optkit builds it is never less than what MyBatis runs: a write stays a write, every table stays
 * named, or the statement is left unknown; and no mapper makes the read hang or crash.
 */
class MyBatisStatementsReadAsTheyRunTest {
  @TempDir Path dir;

  private static final String HEAD = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
      """;

  /** Mapper files written so far: each its own name. */
  private int mappers;

  private MyBatisXmlMappers mappers(String body) throws Exception {
    Path file = dir.resolve("M" + (++mappers) + ".xml");
    Files.writeString(file, HEAD + "<mapper namespace=\"shop.M\">\n" + body + "\n</mapper>\n");
    return MyBatisXmlMappers.read(List.of(file));
  }

  private static MyBatisXmlMappers.Statement statement(MyBatisXmlMappers mappers, String id) {
    return mappers.statement("shop.M", id).orElseThrow();
  }

  /** The tables the SQL names, read as the data footprints read them (JSqlParser's finder); null when it does not parse. */
  private static Set<String> tables(String sql) {
    try {
      Statements parsed = SqlParsing.parseStatements(SqlStatements.bindPlaceholders(sql));
      if (parsed == null || parsed.isEmpty()) {
        return null;
      }
      Set<String> tables = new TreeSet<>();
      for (Statement s : parsed) {
        new TablesNamesFinder<Void>().getTables(s).forEach(t -> tables.add(t.toLowerCase(Locale.ROOT)));
      }
      return tables;
    } catch (Exception e) {
      return null;
    }
  }

  /** Either the text is unreadable (unknown data, treated conservatively) or it names the table MyBatis touches. */
  private static void namesOrUnknown(String table, String sql) {
    Set<String> read = tables(sql);
    assertTrue(read == null || read.contains(table), "MyBatis's statement touches " + table + "; optkit reads " + read
        + " from: " + sql);
  }

  // ---------------------------------------------------------------- SQL line comments vs whitespace collapsing

  /**
   * MyBatis (shrinkWhitespacesInSql=false, the default) sends the text with its line breaks: a {@code --} comment
   * ends at its line. optkit collapses every whitespace run to one space, so the comment swallows the rest of the
   * statement: the data-modifying WITH vanishes, the text has no first keyword (UNKNOWN), and a {@code <select>}
   * whose SQL is not WRITE is a READ.
   */
  @Test
  void aLineCommentDoesNotHideTheWriteAfterIt() throws Exception {
    MyBatisXmlMappers m = mappers("""
        <select id="popJob" resultType="int">
          -- take the oldest job off the queue
          WITH gone AS (DELETE FROM job WHERE id = #{id}) SELECT count(*) FROM job
        </select>
        """);
    assertNotEquals(Access.READ, statement(m, "popJob").access(), statement(m, "popJob").sql());
  }

  /** Same cause: a comment at the end of a line swallows the JOIN on the next one, leaving a read of orders only. */
  @Test
  void aLineCommentDoesNotDropTheJoinedTable() throws Exception {
    MyBatisXmlMappers m = mappers("""
        <select id="vipOrders" resultType="Order">
          SELECT o.* FROM orders o -- only VIP customers
          JOIN customers c ON c.id = o.customer_id
          WHERE c.vip = 1
        </select>
        """);
    namesOrUnknown("customers", statement(m, "vipOrders").sql());
  }

  // ---------------------------------------------------------------- <choose>

  /**
   * A {@code <choose>} is rendered as its first {@code <when>} only: the {@code <otherwise>} that takes a sequence
   * value (nextval: a write, SqlStatements says so for the text itself) is never seen, so the select is a READ and,
   * in a cached namespace, served by the cache.
   */
  @Test
  void aChooseWhoseOtherwiseWritesIsNotARead() throws Exception {
    MyBatisXmlMappers m = mappers("""
        <cache/>
        <select id="nextOrderNo" resultType="long">
          <choose>
            <when test="_databaseId == 'mysql'">SELECT max(order_no) + 1 FROM orders</when>
            <otherwise>SELECT nextval('order_no_seq')</otherwise>
          </choose>
        </select>
        """);
    assertNotEquals(Access.READ, statement(m, "nextOrderNo").access(), statement(m, "nextOrderNo").sql());
  }

  /** A {@code <choose>} picking the table: the {@code <otherwise>}'s table is dropped (a cached read not evicted). */
  @Test
  void aChooseKeepsTheTableOfEveryBranch() throws Exception {
    MyBatisXmlMappers m = mappers("""
        <select id="history" resultType="Order">
          SELECT * FROM
          <choose>
            <when test="archived">orders_archive</when>
            <otherwise>orders</otherwise>
          </choose>
          WHERE customer_id = #{customerId}
        </select>
        """);
    namesOrUnknown("orders", statement(m, "history").sql());
  }

  // ---------------------------------------------------------------- <include> that cannot be resolved

  /**
   * An include whose fragment optkit does not hold (another module's mapper, a file over the size cap, a refid
   * pasted from a property) renders as nothing: the statement then parses as a read of fewer tables than MyBatis
   * runs, instead of being left unknown.
   */
  @Test
  void anUnresolvedIncludeLeavesTheStatementUnknownNotNarrower() throws Exception {
    MyBatisXmlMappers m = mappers("""
        <select id="vipOrders" resultType="Order">
          SELECT o.* FROM orders o <include refid="shop.Shared.VipJoin"/> WHERE o.status = #{status}
        </select>
        <select id="byProperty" resultType="Order">
          SELECT o.* FROM orders o <include refid="${joinFragment}"/> WHERE o.status = #{status}
        </select>
        """);
    assertTrue(tables(statement(m, "vipOrders").sql()) == null, statement(m, "vipOrders").sql());
    assertTrue(tables(statement(m, "byProperty").sql()) == null, statement(m, "byProperty").sql());
  }

  // ---------------------------------------------------------------- a whole statement pasted with ${}

  /** {@code <select>${sql}</select>} runs whatever it is given: its access is not known to be a read. */
  @Test
  void aSelectWhoseWholeTextIsPastedIsNotKnownToRead() throws Exception {
    MyBatisXmlMappers m = mappers("""
        <select id="run" resultType="map">${sql}</select>
        """);
    assertNotEquals(Access.READ, statement(m, "run").access(), statement(m, "run").sql());
  }

  // ---------------------------------------------------------------- robustness

  /**
   * A fragment including itself many times inside a {@code <where>}: each {@code <where>} renders into its own
   * builder, so a bound on the text's length never triggers; the elements rendered for one build are counted, and past
   * the bound what is left is unknown (40^8 renderings before).
   */
  @Test
  void aFragmentBombEndsWithTheStatementUnknown() throws Exception {
    String includes = "<include refid=\"Bomb\"/>".repeat(40);
    Path file = dir.resolve("Bomb.xml");
    Files.writeString(file, HEAD + """
        <mapper namespace="shop.Bomb">
          <sql id="Bomb"><where>%s</where></sql>
          <select id="boom">SELECT * FROM orders <include refid="Bomb"/></select>
        </mapper>
        """.formatted(includes));
    MyBatisXmlMappers.Statement boom = MyBatisXmlMappers.read(List.of(file)).statement("shop.Bomb", "boom").orElseThrow();
    assertTrue(tables(boom.sql()) == null, "unknown, not read: " + boom.sql().length() + " characters");
  }

  /**
   * Elements nested 60,000 deep (a 1.2 MB file, under the 2 MB cap): the rendering recurses once per element and its
   * StackOverflowError escapes read(), which catches nothing in the rendering loop.
   */
  @Test
  void deeplyNestedDynamicSqlDoesNotCrashTheRead() throws Exception {
    int depth = 60_000;
    Path file = dir.resolve("Deep.xml");
    Files.writeString(file, HEAD + "<mapper namespace=\"shop.Deep\">\n<select id=\"fine\">SELECT 1</select>\n"
        + "<select id=\"deep\">SELECT * FROM orders WHERE 1 = 1 " + "<if test=\"a\">".repeat(depth) + " AND x = 1"
        + "</if>".repeat(depth) + "</select>\n</mapper>\n");
    MyBatisXmlMappers read = assertDoesNotThrow(() -> MyBatisXmlMappers.read(List.of(file)));
    assertTrue(read.statement("shop.Deep", "fine").isPresent());
  }

  // ---------------------------------------------------------------- writes

  /** An {@code <update>} stays a write whatever its rendering; CDATA and XML comments are handled. */
  @Test
  void guardWritesStayWritesAndCdataIsKept() throws Exception {
    MyBatisXmlMappers m = mappers("""
        <update id="u"><!-- note --><![CDATA[ UPDATE orders SET n = n + 1 WHERE n < 5 ]]>
          <choose><when test="a">, x = 1</when><otherwise>, y = 2</otherwise></choose></update>
        """);
    assertTrue(statement(m, "u").access() == Access.WRITE);
    assertTrue(statement(m, "u").sql().startsWith("UPDATE orders SET n = n + 1 WHERE n < 5"));
  }
}
