package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredProceduresTest {
  @TempDir Path dir;

  private StoredProcedures read(String... scripts) throws Exception {
    List<Path> files = new java.util.ArrayList<>();
    for (int i = 0; i < scripts.length; i++) {
      files.add(Files.writeString(dir.resolve("s" + i + ".sql"), scripts[i]));
    }
    return StoredProcedures.read(files);
  }

  @Test
  void aProcedureOfQueriesIsTheQueries() throws Exception {
    StoredProcedures procedures = read("""
        CREATE TABLE kind (id INT PRIMARY KEY, name VARCHAR(50));
        DROP PROCEDURE IF EXISTS GetKind;
        DELIMITER //
        CREATE DEFINER=`root`@`%` PROCEDURE `GetKind`(IN kid INT)
        BEGIN
          -- one kind
          SELECT * FROM kind WHERE id = kid;
        END //
        DELIMITER ;
        CREATE PROCEDURE ListKinds() BEGIN SELECT id, name FROM kind; SELECT count(*) FROM kind; END;
        """);
    assertEquals(Optional.of("SELECT * FROM kind WHERE id = kid"), procedures.queriesOf("CALL GetKind(?);"));
    assertEquals(Optional.of("SELECT * FROM kind WHERE id = kid"), procedures.queriesOf("{call getkind(?)}"));
    assertEquals(Optional.of("SELECT id, name FROM kind;\nSELECT count(*) FROM kind"), procedures.queriesOf("call ListKinds()"));
    // another schema's procedure of that name is not this one (hostile review 33's q10)
    assertTrue(procedures.queriesOf("call db.ListKinds()").isEmpty());
  }

  @Test
  void aProcedureThatMayWriteOrIsNotKnownIsNoQuery() throws Exception {
    StoredProcedures procedures = read("""
        CREATE PROCEDURE AddKind(IN n VARCHAR(50)) BEGIN INSERT INTO kind(name) VALUES (n); SELECT LAST_INSERT_ID(); END;
        CREATE PROCEDURE Counted(IN kid INT) BEGIN DECLARE c INT; SELECT count(*) INTO c FROM kind; SELECT c; END;
        CREATE PROCEDURE Branch(IN kid INT) BEGIN IF kid > 0 THEN SELECT * FROM kind; END IF; END;
        CREATE PROCEDURE Twice() BEGIN SELECT * FROM kind; END;
        CREATE PROCEDURE Counts(IN kid INT) BEGIN SELECT note_visit(kid), name FROM kind WHERE id = kid; END;
        CREATE PROCEDURE Ticket() BEGIN SELECT NEXTVAL(ticket_seq); END;
        CREATE PROCEDURE Numbered() BEGIN SELECT NEXT VALUE FOR ticket_seq; END;
        """, """
        CREATE OR REPLACE PROCEDURE Twice() BEGIN SELECT * FROM item; END;
        """);
    for (String call : List.of("CALL AddKind(?)", "CALL Counted(?)", "CALL Branch(?)", "CALL Twice()", "CALL Missing()", "CALL Counts(?)", "CALL Ticket()", "CALL Numbered()",
        "SELECT * FROM kind")) {
      assertTrue(procedures.queriesOf(call).isEmpty(), call);
    }
  }
}
