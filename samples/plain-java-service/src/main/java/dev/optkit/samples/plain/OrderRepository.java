package dev.optkit.samples.plain;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

public class OrderRepository {

    private static final String INSERT_ORDER =
            "INSERT INTO orders (customer_id, currency, total, status, created_at) VALUES (?, ?, ?, 'NEW', ?)";
    private static final String INSERT_LINE =
            "INSERT INTO order_lines (order_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;

    public OrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long insertOrder(UUID customerId, String currency, BigDecimal total) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT_ORDER, Statement.RETURN_GENERATED_KEYS)) {
            statement.setObject(1, customerId);
            statement.setString(2, currency);
            statement.setBigDecimal(3, total);
            statement.setTimestamp(4, Timestamp.from(Instant.now()));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("insertOrder for customer " + customerId, e);
        }
    }

    public void insertLines(long orderId, List<PricedLine> lines) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT_LINE)) {
            for (PricedLine line : lines) {
                statement.setLong(1, orderId);
                statement.setString(2, line.sku());
                statement.setInt(3, line.quantity());
                statement.setBigDecimal(4, line.unitPrice());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("insertLines for order " + orderId, e);
        }
    }

    public void updateStatus(long orderId, String status) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE orders SET status = ? WHERE id = ?")) {
            statement.setString(1, status);
            statement.setLong(2, orderId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("updateStatus " + orderId, e);
        }
    }

    public long countOrdersPlacedWithin(Duration window) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM orders WHERE created_at >= ?")) {
            statement.setTimestamp(1, Timestamp.from(Instant.now().minus(window)));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("countOrdersPlacedWithin " + window, e);
        }
    }
}
