package dev.optkit.samples.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Stock levels and item names in a JDBC database, written for Java 8: what optkit adds here must
 * compile at release 8 (Caffeine 2.9, a key class instead of a record, no List.of).
 */
public class Inventory {

    private final DataSource dataSource;

    public Inventory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The item's name, or null when unknown (also for a null SKU). */
    public String itemName(String sku) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT name FROM item WHERE sku = ?")) {
            statement.setString(1, sku);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Units of the item in one warehouse. */
    public int stockLevel(String sku, String warehouse) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT quantity FROM stock WHERE sku = ? AND warehouse = ?")) {
            statement.setString(1, sku);
            statement.setString(2, warehouse);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    public void receive(String sku, String warehouse, int quantity) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE stock SET quantity = quantity + ? WHERE sku = ? AND warehouse = ?")) {
            statement.setInt(1, quantity);
            statement.setString(2, sku);
            statement.setString(3, warehouse);
            statement.executeUpdate();
        }
    }

    public void renameItem(String sku, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE item SET name = ? WHERE sku = ?")) {
            statement.setString(1, name);
            statement.setString(2, sku);
            statement.executeUpdate();
        }
    }
}
