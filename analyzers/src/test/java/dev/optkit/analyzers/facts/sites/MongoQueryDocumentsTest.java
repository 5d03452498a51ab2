package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MongoQueryDocumentsTest {

  @Test
  void queryDocumentsWithTheirParametersBoundAreDocumentsAndSqlIsNot() {
    assertTrue(MongoQueryDocuments.isDocument("{ 'name' : ?0 }"));
    assertTrue(MongoQueryDocuments.isDocument("{ name: ?#{ [0].toLowerCase() }, 'tags' : { $in : ?1 } }"));
    assertTrue(MongoQueryDocuments.isDocument("{ 'text' : '?0 is no parameter in a string' }"));
    assertFalse(MongoQueryDocuments.isDocument("SELECT name FROM users WHERE id = ?"));
    assertFalse(MongoQueryDocuments.isDocument("{call refresh(?)}"));
    assertFalse(MongoQueryDocuments.isDocument("{ 'a' : 1 } trailing"));
    assertFalse(MongoQueryDocuments.isDocument(null));
  }

  @Test
  void serverSideJavaScriptAndTheMomentsVariablesChangeBetweenExecutions() {
    // piggymetrics' RecipientRepository: a $where comparing with new Date() in JavaScript
    assertEquals(Optional.of("$where (JavaScript run by the server, which may read the clock)"),
        MongoQueryDocuments.volatileValue("{ $and: [ {'backup.active': true }, { $where: 'this.backup.lastNotified < "
            + "new Date(new Date().setDate(new Date().getDate() - this.backup.frequency))' }] }"));
    assertEquals(Optional.of("$$NOW"), MongoQueryDocuments.volatileValue("{ $expr: { $lt: [ '$due', '$$NOW' ] } }"));
    assertEquals(Optional.of("$rand"), MongoQueryDocuments.volatileValue("{ $expr: { $lt: [ 0.5, { $rand: {} } ] } }"));
    // a field or a string that only names them, and plain finds: nothing of the moment
    assertEquals(Optional.empty(), MongoQueryDocuments.volatileValue("{ 'note' : '$where $$NOW', 'name' : ?0 }"));
    assertEquals(Optional.empty(), MongoQueryDocuments.volatileValue("{ 'active' : true, 'age' : { $gt : ?1 } }"));
  }
}
