package dev.optkit.samples.spring;

import dev.optkit.samples.spring.downstream.PartnerApiDownstream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

public final class SettlementApp {

    private SettlementApp() {
    }

    public static void main(String[] args) throws Exception {
        try (PartnerApiDownstream downstream = PartnerApiDownstream.start()) {
            String baseUrl = args.length > 0 ? args[0] : downstream.baseUrl();
            try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
                context.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("cli", Map.of(AppConfig.PARTNER_BASE_URL, baseUrl)));
                context.register(AppConfig.class);
                context.refresh();

                CustomerReportService reports = context.getBean(CustomerReportService.class);
                SettlementService settlement = context.getBean(SettlementService.class);
                LoyaltyService loyalty = context.getBean(LoyaltyService.class);
                PurchaseOrderRepository orders = context.getBean(PurchaseOrderRepository.class);

                System.out.println(reports.describeCustomer(2));
                System.out.println("tier of customer 2: " + loyalty.getCustomerTier(2));
                System.out.println("tiers: " + loyalty.tiersFor(List.of(1L, 2L, 3L)));
                System.out.println("settled " + settlement.settlePendingOrders(2) + " orders of customer 2");
                System.out.println("orders by customer: " + reports.ordersByCustomer());
                System.out.println("large orders: " + orders.findLargeOrders(2, new BigDecimal("100")));
                System.out.println("downstream requests: " + downstream.requestCounts());
            }
        }
    }
}
