package dev.optkit.samples.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real embedded H2 database. The stale-read probes read first, write through the
 * service, and expect the new value: they pass on this code and, after optkit migrate, only if
 * every writer invalidates what it changes.
 */
class InventoryTest {

    private Inventory inventory;

    @BeforeEach
    void database() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DataSource dataSource = new UrlDataSource(url);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (sku VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            statement.execute("CREATE TABLE stock (sku VARCHAR(20), warehouse VARCHAR(20), quantity INT NOT NULL, "
                    + "PRIMARY KEY (sku, warehouse))");
            statement.execute("INSERT INTO item VALUES ('BOLT-8', 'M8 bolt'), ('NUT-8', 'M8 nut')");
            statement.execute("INSERT INTO stock VALUES ('BOLT-8', 'north', 120), ('BOLT-8', 'south', 40)");
        }
        inventory = new Inventory(dataSource);
    }

    @Test
    void readsNamesAndLevels() throws SQLException {
        assertEquals("M8 bolt", inventory.itemName("BOLT-8"));
        assertNull(inventory.itemName("WASHER-8"));
        assertEquals(120, inventory.stockLevel("BOLT-8", "north"));
        assertEquals(40, inventory.stockLevel("BOLT-8", "south"));
        assertEquals(0, inventory.stockLevel("NUT-8", "north"));
    }

    @Test
    void aNullSkuHasNoName() throws SQLException {
        assertNull(inventory.itemName(null));
        assertNull(inventory.itemName(null));
    }

    @Test
    void receivingStockShowsInTheNextRead() throws SQLException {
        assertEquals(120, inventory.stockLevel("BOLT-8", "north"));
        inventory.receive("BOLT-8", "north", 30);
        assertEquals(150, inventory.stockLevel("BOLT-8", "north"));
        assertEquals(40, inventory.stockLevel("BOLT-8", "south"));
    }

    @Test
    void renamingAnItemShowsInTheNextRead() throws SQLException {
        assertEquals("M8 nut", inventory.itemName("NUT-8"));
        inventory.renameItem("NUT-8", "M8 hex nut");
        assertEquals("M8 hex nut", inventory.itemName("NUT-8"));
    }

    /** DriverManager behind the DataSource interface: Java 8 has no simpler built-in one. */
    private static final class UrlDataSource implements DataSource {
        private final String url;

        UrlDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
