package dev.optkit.samples.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    private DataSource dataSource;
    private ProductRepository products;
    private CatalogService catalog;

    @BeforeEach
    void setUp() {
        dataSource = Database.createAndInitialize("catalog-" + UUID.randomUUID());
        products = new ProductRepository(dataSource);
        catalog = new CatalogService(products, new Random(7));
    }

    @Test
    void categoryListingIsMemoized() throws SQLException {
        List<Product> first = catalog.productsInCategory("peripherals");
        execute("INSERT INTO products (id, sku, name, category) VALUES (6, 'PD-606', 'Mouse pad', 'peripherals')");
        List<Product> second = catalog.productsInCategory("peripherals");

        assertEquals(List.of("KB-101", "MS-202"), first.stream().map(Product::sku).toList());
        assertSame(first, second);
        assertEquals(3, products.findByCategory("peripherals").size());
    }

    @Test
    void describesProductsFromTheDatabase() {
        assertEquals("27\" monitor (displays)", catalog.describeProduct(3));
        assertEquals("unknown product #77", catalog.describeProduct(77));
        assertEquals(Optional.of("Noise cancelling headset"), products.findProductName(5));
    }

    @Test
    void featuredProductIsOneOfTheCategory() {
        Optional<Product> featured = catalog.featuredProduct("peripherals");

        assertEquals("peripherals", featured.orElseThrow().category());
        assertEquals(Optional.empty(), catalog.featuredProduct("garden"));
    }

    @Test
    void findsProductsBySkus() {
        assertEquals(List.of(1L, 5L), products.findBySkus(List.of("HS-505", "KB-101", "XX-000"))
                .stream().map(Product::id).toList());
        assertEquals(List.of(), products.findBySkus(List.of()));
    }

    @Test
    void restockUpdatesTheStockColumn() throws SQLException {
        catalog.restock(3, 5);

        assertEquals(20, queryInt("SELECT stock FROM products WHERE id = 3"));
        assertThrows(IllegalArgumentException.class, () -> catalog.restock(3, 0));
        assertThrows(DataAccessException.class, () -> products.updateStock(404, 1));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private int queryInt(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
