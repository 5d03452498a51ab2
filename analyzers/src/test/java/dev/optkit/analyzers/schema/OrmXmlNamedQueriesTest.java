package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** orm.xml's named queries are read by name: a repository method named like one runs it (NamedQueries). */
class OrmXmlNamedQueriesTest {
  @TempDir Path dir;

  @Test
  void namedQueriesAndNativeOnesAreReadByName() throws Exception {
    Path xml = dir.resolve("orm.xml");
    Files.writeString(xml, """
        <?xml version="1.0" encoding="UTF-8"?>
        <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
          <named-query name="Kind.findByName"><query>SELECT k FROM Kind k JOIN k.owner o WHERE k.name = :name</query></named-query>
          <named-native-query name="Kind.recent"><query>select * from kind k join member m on m.id = k.owner_id</query></named-native-query>
          <entity class="r.Kind"><table name="kind"/></entity>
        </entity-mappings>
        """);
    OrmXmlMappings read = OrmXmlMappings.read(List.of(xml));
    assertEquals(Set.of("Kind.findByName", "Kind.recent"), read.namedQueries());
    assertEquals("kind", read.entity("r.Kind").orElseThrow().table());
  }
}
