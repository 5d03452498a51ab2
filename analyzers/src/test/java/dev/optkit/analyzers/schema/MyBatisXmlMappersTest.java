package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.facts.Access;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MyBatisXmlMappersTest {
  @TempDir Path dir;

  private static final String HEAD = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
      """;

  /** The text on one line: line breaks are kept as MyBatis sends them (a -- comment ends at its line). */
  private static String oneLine(String sql) {
    return sql.replace('\n', ' ');
  }

  @Test
  void statementsTheirSqlAndTheNamespacesSecondLevelCache() throws Exception {
    Path file = dir.resolve("ItemMapper.xml");
    Files.writeString(file, HEAD + """
        <mapper namespace="shop.ItemMapper">
          <cache />
          <!-- <select id="commented">SELECT 1</select> -->
          <select id="getItem" resultType="Item">
            SELECT * FROM item
            <where><if test="id != null">id = #{id}</if></where>
          </select>
          <select id="getStock" useCache="false"><![CDATA[ SELECT qty FROM inventory WHERE qty < 5 ]]></select>
          <update id="updateStock">UPDATE inventory SET qty = qty - #{n}</update>
        </mapper>
        """);
    MyBatisXmlMappers mappers = MyBatisXmlMappers.read(List.of(file));
    MyBatisXmlMappers.Statement item = mappers.statement("shop.ItemMapper", "getItem").orElseThrow();
    assertEquals(Access.READ, item.access());
    assertEquals("SELECT * FROM item WHERE id = #{id}", oneLine(item.sql()));
    assertEquals("MyBatis's second-level cache (<cache/> in ItemMapper.xml)", item.cachedBy());
    MyBatisXmlMappers.Statement stock = mappers.statement("shop.ItemMapper", "getStock").orElseThrow();
    assertEquals("SELECT qty FROM inventory WHERE qty < 5", stock.sql());
    assertNull(stock.cachedBy(), "useCache=\"false\"");
    MyBatisXmlMappers.Statement update = mappers.statement("shop.ItemMapper", "updateStock").orElseThrow();
    assertEquals(Access.WRITE, update.access());
    assertNull(update.cachedBy());
    assertTrue(mappers.statement("shop.ItemMapper", "commented").isEmpty());
  }

  /** A select element is a read by its name only when its SQL, read by the one SQL reader, changes nothing. */
  @Test
  void aSelectElementWhoseSqlChangesDataIsAWrite() throws Exception {
    Path file = dir.resolve("TicketMapper.xml");
    Files.writeString(file, HEAD + """
        <mapper namespace="shop.TicketMapper">
          <select id="purgeClosed" resultType="int">
            WITH gone AS (DELETE FROM ticket WHERE status = #{status}) SELECT count(*) FROM ticket
          </select>
          <select id="purgeByProcedure" statementType="CALLABLE">{call purge_tickets(#{status})}</select>
          <select id="countOpen" resultType="int">SELECT count(*) FROM ticket WHERE status = 'open'</select>
        </mapper>
        """);
    MyBatisXmlMappers mappers = MyBatisXmlMappers.read(List.of(file));
    assertEquals(Access.WRITE, mappers.statement("shop.TicketMapper", "purgeClosed").orElseThrow().access());
    assertEquals(Access.WRITE, mappers.statement("shop.TicketMapper", "purgeByProcedure").orElseThrow().access());
    assertEquals(Access.READ, mappers.statement("shop.TicketMapper", "countOpen").orElseThrow().access());
  }

  @Test
  void aMalformedMapperKeepsWhatCameBeforeTheErrorAndDoesNotHang() throws Exception {
    Path file = dir.resolve("Broken.xml");
    StringBuilder unclosed = new StringBuilder(HEAD + "<mapper namespace=\"shop.Broken\">\n"
        + "<select id=\"first\">SELECT 1</select>\n");
    for (int i = 0; i < 2000; i++) {
      unclosed.append("<select id=\"s").append(i).append("\">SELECT <if test=\"x\">a\n");
    }
    Files.writeString(file, unclosed);
    MyBatisXmlMappers mappers = MyBatisXmlMappers.read(List.of(file));
    assertTrue(mappers.statement("shop.Broken", "first").isPresent());
    assertNull(mappers.statement("shop.Broken", "first").get().cachedBy());
  }

  @Test
  void theDeclaredEncodingIsHonoured() throws Exception {
    Path file = dir.resolve("Latin.xml");
    Files.write(file, ("""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <mapper namespace="shop.Names">
          <select id="byName">SELECT * FROM people WHERE name = 'Müller'</select>
        </mapper>
        """).getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("SELECT * FROM people WHERE name = 'Müller'",
        MyBatisXmlMappers.read(List.of(file)).statement("shop.Names", "byName").orElseThrow().sql());
  }

  @Test
  void dynamicSqlIsBuiltAsMyBatisBuildsItWhenEveryConditionHolds() throws Exception {
    // a mapper in MyBatis Generator's style: 64 of newbee-mall's 74 selects began "select <include .../> from" and
    // were read as "select from ...", which no reader parses
    Path file = dir.resolve("OrderMapper.xml");
    Files.writeString(file, HEAD + """
        <mapper namespace="shop.OrderMapper">
          <sql id="Base_Column_List">order_id, order_no, user_id, <include refid="Extra"/></sql>
          <sql id="Extra">status</sql>
          <sql id="Loop"><include refid="Loop"/> x</sql>
          <select id="byUser" resultType="Order">
            select <include refid="Base_Column_List"/> from orders
            <where>
              <if test="userId != null">and user_id = #{userId}</if>
              <if test="status != null">AND status = #{status}</if>
            </where>
            <choose><when test="desc">order by order_id desc</when><otherwise>order by order_id</otherwise></choose>
          </select>
          <select id="byIds">select * from orders where order_id in
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach></select>
          <update id="touch">update orders <set><if test="status != null">status = #{status},</if></set> where order_id = #{id}</update>
          <select id="trimmed">select * from orders <trim prefix="WHERE" prefixOverrides="AND |OR ">OR user_id = #{u}</trim></select>
          <select id="selfIncluded">select <include refid="Loop"/> from orders</select>
          <select id="elsewhere">select <include refid="shop.UserMapper.Columns"/> from users</select>
        </mapper>
        """);
    Path users = dir.resolve("UserMapper.xml");
    Files.writeString(users, HEAD + """
        <mapper namespace="shop.UserMapper"><sql id="Columns">user_id, login_name</sql></mapper>
        """);
    MyBatisXmlMappers mappers = MyBatisXmlMappers.read(List.of(file, users));
    assertEquals("select order_id, order_no, user_id, status from orders WHERE user_id = #{userId} "
        + "AND status = #{status} order by order_id desc",
        oneLine(mappers.statement("shop.OrderMapper", "byUser").orElseThrow().sql()));
    assertEquals("select * from orders where order_id in (#{id})",
        oneLine(mappers.statement("shop.OrderMapper", "byIds").orElseThrow().sql()));
    assertEquals("update orders SET status = #{status} where order_id = #{id}",
        oneLine(mappers.statement("shop.OrderMapper", "touch").orElseThrow().sql()));
    assertEquals("select * from orders WHERE user_id = #{u}",
        oneLine(mappers.statement("shop.OrderMapper", "trimmed").orElseThrow().sql()));
    assertTrue(mappers.statement("shop.OrderMapper", "selfIncluded").isPresent(), "an include of itself ends");
    assertEquals("select user_id, login_name from users",
        oneLine(mappers.statement("shop.OrderMapper", "elsewhere").orElseThrow().sql()));
    assertEquals(Access.WRITE, mappers.statement("shop.OrderMapper", "touch").orElseThrow().access());
  }
}
