package dev.optkit.samples.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.samples.plain.downstream.PricingDownstream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    private static PricingDownstream downstream;

    private DataSource dataSource;
    private OrderRepository orderRepository;
    private OrderService service;

    @BeforeAll
    static void startDownstream() throws Exception {
        downstream = PricingDownstream.start();
    }

    @AfterAll
    static void stopDownstream() {
        downstream.close();
    }

    @BeforeEach
    void setUp() {
        downstream.resetCounts();
        dataSource = Database.createAndInitialize("orders-" + UUID.randomUUID());
        orderRepository = new OrderRepository(dataSource);
        service = new OrderService(new PricingClient(downstream.baseUrl()),
                new CustomerDirectory(downstream.baseUrl()), new ProductRepository(dataSource),
                orderRepository, "EUR");
    }

    @Test
    void pricesEachLineWithOneRemoteCall() {
        List<PricedLine> priced = service.priceLines(List.of(
                new OrderLine("KB-101", 1), new OrderLine("MS-202", 2), new OrderLine("KB-101", 1)));

        assertEquals(List.of(new BigDecimal("49.90"), new BigDecimal("39.80"), new BigDecimal("49.90")),
                priced.stream().map(PricedLine::total).toList());
        assertEquals(new BigDecimal("139.60"), service.subtotal(priced));
        assertEquals(2, downstream.requestCount("/prices/KB-101"));
        assertEquals(1, downstream.requestCount("/prices/MS-202"));
    }

    @Test
    void pricesEachSkuOfAStreamWithOneRemoteCallInItsOrder() {
        List<BigDecimal> prices = service.unitPrices(List.of("MS-202", "KB-101", "MS-202"));

        assertEquals(List.of(new BigDecimal("19.90"), new BigDecimal("49.90"), new BigDecimal("19.90")), prices);
        assertEquals(2, downstream.requestCount("/prices/MS-202"));
    }

    @Test
    void quotesASingleLine() {
        PricedLine quote = service.quoteLine(new OrderLine("MN-303", 2));

        assertEquals(new BigDecimal("378.00"), quote.total());
        assertEquals(Map.of("/prices/MN-303", 1), downstream.requestCounts());
    }

    @Test
    void placesOrderWithTierDiscountAndCurrencyConversion() throws SQLException {
        UUID customer = UUID.randomUUID();
        downstream.setTier(customer, "GOLD");

        long orderId = service.placeOrder(customer, "USD",
                List.of(new OrderLine("MN-303", 1), new OrderLine("CB-404", 2)));

        // (189.00 + 2 * 9.50) * 0.90 * 1.08 = 202.176
        assertEquals(new BigDecimal("202.18"), queryDecimal("SELECT total FROM orders WHERE id = ?", orderId));
        assertEquals(2, queryLong("SELECT COUNT(*) FROM order_lines WHERE order_id = ?", orderId));
        assertEquals(1, orderRepository.countOrdersPlacedWithin(Duration.ofMinutes(5)));
        assertEquals(Map.of("/prices/MN-303", 1, "/prices/CB-404", 1,
                "/customers/" + customer + "/tier", 1, "/rates/USD", 1), downstream.requestCounts());

        orderRepository.updateStatus(orderId, "PAID");
        assertEquals(0, queryLong("SELECT COUNT(*) FROM orders WHERE status = 'NEW' AND id = ?", orderId));
    }

    @Test
    void defaultCurrencyIsUsedWhenNoneGiven() throws SQLException {
        long orderId = service.placeOrder(UUID.randomUUID(), null, List.of(new OrderLine("HS-505", 1)));

        assertEquals(new BigDecimal("79.00"), queryDecimal("SELECT total FROM orders WHERE id = ?", orderId));
        assertEquals(1, downstream.requestCount("/rates/EUR"));
    }

    @Test
    void loadsProductsOneQueryAtATime() {
        List<Product> products = service.loadProducts(List.of(3L, 1L, 99L, 2L));

        assertEquals(List.of("MN-303", "KB-101", "MS-202"), products.stream().map(Product::sku).toList());
        assertEquals(0, downstream.totalRequests());
    }

    @Test
    void fillBasketStopsAtTheFirstLineOverBudget() {
        List<PricedLine> basket = service.fillBasket(List.of(
                new OrderLine("KB-101", 1), new OrderLine("MS-202", 1),
                new OrderLine("MN-303", 1), new OrderLine("CB-404", 1)), new BigDecimal("100.00"));

        assertEquals(List.of("KB-101", "MS-202"), basket.stream().map(PricedLine::sku).toList());
        assertEquals(3, downstream.requestCountWithPrefix("/prices/"));
        assertEquals(0, downstream.requestCount("/prices/CB-404"));
    }

    @Test
    void productNamesSkipUnknownIds() {
        assertEquals(List.of("Wireless mouse", "USB-C cable"), service.productNames(List.of(2L, 42L, 4L)));
    }

    @Test
    void quotesPricesThroughAsyncClient() {
        Map<String, BigDecimal> quotes = service.quotePrices(List.of("HS-505", "KB-101"));

        assertEquals(Map.of("HS-505", new BigDecimal("79.00"), "KB-101", new BigDecimal("49.90")), quotes);
        assertEquals(2, downstream.totalRequests());
    }

    @Test
    void promotionsReplaceUnitPricesInMemory() {
        List<PricedLine> lines = List.of(new PricedLine("KB-101", 2, new BigDecimal("49.90")),
                new PricedLine("MS-202", 1, new BigDecimal("19.90")));

        List<PricedLine> promoted = service.applyPromotions(lines, Map.of("KB-101", new BigDecimal("39.90")));

        assertEquals(new BigDecimal("99.70"), service.subtotal(promoted));
        service.reportUnpaid(List.of(1L, 2L));
        assertEquals("EUR", service.getDefaultCurrency());
        assertEquals(0, downstream.totalRequests());
    }

    private BigDecimal queryDecimal(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBigDecimal(1);
            }
        }
    }

    private long queryLong(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }
}
