package dev.optkit.samples.plain;

import dev.optkit.samples.plain.downstream.PricingDownstream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

public final class OrderPricingApp {

    private OrderPricingApp() {
    }

    public static void main(String[] args) throws Exception {
        try (PricingDownstream downstream = PricingDownstream.start()) {
            String baseUrl = args.length > 0 ? args[0] : downstream.baseUrl();
            DataSource dataSource = Database.createAndInitialize("orders-demo");
            ProductRepository products = new ProductRepository(dataSource);
            PricingClient pricing = new PricingClient(baseUrl);
            OrderService orders = new OrderService(pricing, new CustomerDirectory(baseUrl), products,
                    new OrderRepository(dataSource), "EUR");
            CatalogService catalog = new CatalogService(products);

            pricing.checkHealth();
            List<OrderLine> cart = List.of(new OrderLine("KB-101", 1), new OrderLine("MS-202", 2),
                    new OrderLine("CB-404", 3));
            long orderId = orders.placeOrder(UUID.randomUUID(), "USD", cart);
            System.out.println("placed order " + orderId);
            System.out.println("quote: " + orders.quoteLine(new OrderLine("MN-303", 2)));
            System.out.println("basket within 100 EUR: " + orders.fillBasket(cart, new BigDecimal("100")));
            System.out.println("quotes: " + orders.quotePrices(List.of("MN-303", "HS-505")));
            System.out.println("products: " + orders.productNames(List.of(1L, 2L, 3L)));
            System.out.println("peripherals: " + catalog.productsInCategory("peripherals"));
            System.out.println("downstream requests: " + downstream.totalRequests());
        }
    }
}
