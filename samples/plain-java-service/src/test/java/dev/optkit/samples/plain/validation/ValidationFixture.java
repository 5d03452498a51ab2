package dev.optkit.samples.plain.validation;

import dev.optkit.samples.plain.CatalogService;
import dev.optkit.samples.plain.CustomerDirectory;
import dev.optkit.samples.plain.OrderRepository;
import dev.optkit.samples.plain.OrderService;
import dev.optkit.samples.plain.Database;
import dev.optkit.samples.plain.PricingClient;
import dev.optkit.samples.plain.ProductRepository;
import dev.optkit.samples.plain.downstream.PricingDownstream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The fixture {@code optkit validate} builds in each JVM (see {@code workload.yaml}): the real
 * loopback pricing downstream, with latency and failures set by {@code validation.properties} on
 * the class path, and the client under test wired to it; the catalogue over the sample's embedded
 * database.
 */
public final class ValidationFixture implements AutoCloseable {
    private final PricingDownstream downstream;
    private final PricingClient pricing;
    private final ProductRepository products;
    private final CatalogService catalog;
    private final OrderService orders;

    private ValidationFixture(PricingDownstream downstream, DataSource database) {
        this.downstream = downstream;
        this.pricing = new PricingClient(downstream.baseUrl());
        this.products = new ProductRepository(database);
        this.catalog = new CatalogService(products);
        this.orders = new OrderService(pricing, new CustomerDirectory(downstream.baseUrl()), products,
                new OrderRepository(database), "EUR");
    }

    public static ValidationFixture start() {
        Properties settings = new Properties();
        try (InputStream in = ValidationFixture.class.getResourceAsStream("/validation.properties")) {
            if (in != null) {
                settings.load(in);
            }
            PricingDownstream downstream = PricingDownstream.start(
                    Duration.ofMillis(Long.parseLong(settings.getProperty("downstream.latencyMillis", "5"))));
            downstream.setFailureRate(Double.parseDouble(settings.getProperty("downstream.failureRate", "0")));
            for (int i = 0; i < 20; i++) {
                downstream.setRate(currency(i), new BigDecimal("1." + (10 + i)));
            }
            for (int i = 0; i < 100; i++) { // P000 to P099, for the loop workload's lists (workload-loops.yaml)
                downstream.setPrice(String.format("P%03d", i), BigDecimal.valueOf(1000 + i, 2));
            }
            for (int i = 0; i < 5000; i++) { // numeric codes, for workloads that never repeat a key (sequence)
                downstream.setRate(String.valueOf(i), BigDecimal.valueOf(i, 3));
            }
            return new ValidationFixture(downstream, Database.createAndInitialize("validation"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 20 named currencies the downstream quotes besides EUR, USD, GBP and the numeric codes 0 to 4999. */
    public static String currency(int i) {
        return String.format("C%02d", i);
    }

    public PricingClient pricing() {
        return pricing;
    }

    /** The catalogue over the embedded database the sample's schema script fills. */
    public CatalogService catalog() {
        return catalog;
    }

    /** The order service over the same downstream and database (its priceLines loop: workload-loops.yaml). */
    public OrderService orders() {
        return orders;
    }

    public ProductRepository products() {
        return products;
    }

    public PricingDownstream downstream() {
        return downstream;
    }

    @Override
    public void close() {
        downstream.close();
    }
}
