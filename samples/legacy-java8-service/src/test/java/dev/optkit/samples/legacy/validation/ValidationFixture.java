package dev.optkit.samples.legacy.validation;

import dev.optkit.samples.legacy.Inventory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The fixture {@code optkit validate} builds in each JVM (see {@code workload.yaml}): the inventory
 * over a fresh embedded H2 database with 40 items stocked in two warehouses. Java 8 source, like
 * the rest of this sample.
 */
public final class ValidationFixture {
    private ValidationFixture() {
    }

    public static Inventory start() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:validation;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (sku VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            statement.execute("CREATE TABLE stock (sku VARCHAR(20), warehouse VARCHAR(20), quantity INT NOT NULL, "
                    + "PRIMARY KEY (sku, warehouse))");
            for (int i = 0; i < 40; i++) {
                statement.execute("INSERT INTO item VALUES ('SKU-" + i + "', 'item " + i + "')");
                statement.execute("INSERT INTO stock VALUES ('SKU-" + i + "', 'north', " + (100 + i) + "), "
                        + "('SKU-" + i + "', 'south', " + i + ")");
            }
        }
        return new Inventory(dataSource);
    }
}
