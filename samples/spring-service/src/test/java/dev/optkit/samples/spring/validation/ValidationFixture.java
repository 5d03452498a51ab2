package dev.optkit.samples.spring.validation;

import dev.optkit.samples.spring.AppConfig;
import dev.optkit.samples.spring.CustomerDao;
import dev.optkit.samples.spring.CustomerReportService;
import dev.optkit.samples.spring.LoyaltyService;
import dev.optkit.samples.spring.OrderAdminService;
import dev.optkit.samples.spring.OrderLookupService;
import dev.optkit.samples.spring.ParcelTracker;
import dev.optkit.samples.spring.ReferenceDataDao;
import dev.optkit.samples.spring.downstream.PartnerApiDownstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The fixture {@code optkit validate} builds in each JVM (see {@code workload.yaml}): the whole
 * application context, as the application starts it, over its embedded database, with the partner
 * API served by the real loopback downstream. Workload targets are the beans below, proxies and
 * all, so optkit's caches and evictions take part as they would in production.
 */
public final class ValidationFixture implements AutoCloseable {
    private final PartnerApiDownstream downstream;
    private final AnnotationConfigApplicationContext context;

    private ValidationFixture(PartnerApiDownstream downstream, AnnotationConfigApplicationContext context) {
        this.downstream = downstream;
        this.context = context;
    }

    public static ValidationFixture start() {
        try {
            PartnerApiDownstream downstream = PartnerApiDownstream.start(Duration.ofMillis(5));
            for (long customer = 1; customer <= 50; customer++) {
                downstream.setTier(customer, customer % 7 == 0 ? "GOLD" : customer % 3 == 0 ? "SILVER" : "STANDARD");
            }
            AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("validation",
                    Map.of(AppConfig.PARTNER_BASE_URL, downstream.baseUrl())));
            context.register(AppConfig.class);
            context.refresh();
            return new ValidationFixture(downstream, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LoyaltyService loyalty() {
        return context.getBean(LoyaltyService.class);
    }

    public OrderLookupService orderLookup() {
        return context.getBean(OrderLookupService.class);
    }

    public ParcelTracker parcels() {
        return context.getBean(ParcelTracker.class);
    }

    public OrderAdminService orderAdmin() {
        return context.getBean(OrderAdminService.class);
    }

    public CustomerReportService reports() {
        return context.getBean(CustomerReportService.class);
    }

    public CustomerDao customers() {
        return context.getBean(CustomerDao.class);
    }

    public ReferenceDataDao referenceData() {
        return context.getBean(ReferenceDataDao.class);
    }

    public PartnerApiDownstream downstream() {
        return downstream;
    }

    @Override
    public void close() {
        context.close();
        downstream.close();
    }
}
