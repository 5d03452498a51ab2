package dev.optkit.samples.plain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public class ProductRepository {

    private static final String FIND_BY_ID = "SELECT id, sku, name, category FROM products WHERE id = ?";
    private static final String UPDATE_STOCK = "UPDATE products SET stock = stock + ? WHERE id = ?";
    private static final String RENAME = "UPDATE products SET name = ? WHERE id = ?";

    private final DataSource dataSource;

    public ProductRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Product> findById(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_BY_ID)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("findById " + id, e);
        }
    }

    public List<Product> findByCategory(String category) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, sku, name, category FROM products WHERE category = ? ORDER BY id")) {
            statement.setString(1, category);
            try (ResultSet rs = statement.executeQuery()) {
                List<Product> products = new ArrayList<>();
                while (rs.next()) {
                    products.add(map(rs));
                }
                return List.copyOf(products);
            }
        } catch (SQLException e) {
            throw new DataAccessException("findByCategory " + category, e);
        }
    }

    public Optional<String> findProductName(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT name FROM products WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("findProductName " + id, e);
        }
    }

    public List<Product> findBySkus(List<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(skus.size(), "?"));
        String sql = "SELECT id, sku, name, category FROM products WHERE sku IN (" + placeholders + ") ORDER BY id";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < skus.size(); i++) {
                statement.setString(i + 1, skus.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Product> products = new ArrayList<>();
                while (rs.next()) {
                    products.add(map(rs));
                }
                return products;
            }
        } catch (SQLException e) {
            throw new DataAccessException("findBySkus " + skus, e);
        }
    }

    public void updateStock(long productId, int delta) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPDATE_STOCK)) {
            statement.setInt(1, delta);
            statement.setLong(2, productId);
            if (statement.executeUpdate() != 1) {
                throw new DataAccessException("no product with id " + productId, null);
            }
        } catch (SQLException e) {
            throw new DataAccessException("updateStock " + productId, e);
        }
    }

    public void renameProduct(long productId, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(RENAME)) {
            statement.setString(1, name);
            statement.setLong(2, productId);
            if (statement.executeUpdate() != 1) {
                throw new DataAccessException("no product with id " + productId, null);
            }
        } catch (SQLException e) {
            throw new DataAccessException("renameProduct " + productId, e);
        }
    }

    private static Product map(ResultSet rs) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getString("category"));
    }
}
