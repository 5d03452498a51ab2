package r;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Not a bean (its @Component/@Aspect are commented out, as in the original) and called by nobody. It tags an Oracle
 * session (DBMS_SESSION.SET_IDENTIFIER): no table is written.
 */
// @Component
// @Aspect
public class SessionTagger {
    public Connection tag(Connection connection, String clientId) throws SQLException {
        CallableStatement statement = connection.prepareCall("{ call DBMS_SESSION.SET_IDENTIFIER(?) }");
        statement.setString(1, clientId);
        statement.execute();
        statement.close();
        return connection;
    }
}
