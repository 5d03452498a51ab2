package dev.optkit.samples.spring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class CustomerReportService {

    private static final Log log = LogFactory.getLog(CustomerReportService.class);
    private static final Map<String, String> STATUS_LABELS = Map.of(
            PurchaseOrder.PENDING, "Awaiting settlement",
            PurchaseOrder.SETTLED, "Settled");

    private final CustomerDao customers;
    private final PurchaseOrderRepository orders;
    private final ReferenceDataDao referenceData;
    private final String reportCurrency;

    public CustomerReportService(CustomerDao customers, PurchaseOrderRepository orders,
                                 ReferenceDataDao referenceData,
                                 @Value("${reports.currency:EUR}") String reportCurrency) {
        this.customers = customers;
        this.orders = orders;
        this.referenceData = referenceData;
        this.reportCurrency = reportCurrency;
    }

    public String getReportCurrency() {
        return reportCurrency;
    }

    public Map<Long, List<PurchaseOrder>> ordersByCustomer() {
        Map<Long, List<PurchaseOrder>> result = new LinkedHashMap<>();
        for (Customer customer : customers.findAll()) {
            result.put(customer.id(), orders.findByCustomerId(customer.id()));
        }
        return result;
    }

    /** The currencies reports can be in: the countries' and the report currency. Changes the list it gets. */
    public List<String> reportCurrencies() {
        List<String> currencies = referenceData.currencies();
        if (!currencies.contains(reportCurrency)) {
            currencies.add(reportCurrency);
        }
        currencies.add("XAU");
        return currencies;
    }

    public String describeCustomer(long customerId) {
        Customer customer = customers.findById(customerId)
                .orElseThrow(() -> new NoSuchElementException("no customer " + customerId));
        return customer.name() + " <" + customer.email() + ">, " + referenceData.findCountryName(customer.countryCode());
    }

    public BigDecimal settledTotal(List<PurchaseOrder> purchaseOrders) {
        BigDecimal total = BigDecimal.ZERO;
        for (PurchaseOrder order : purchaseOrders) {
            if (order.getAmountEur() != null) {
                total = total.add(order.getAmountEur());
            }
        }
        return total;
    }

    public Map<String, Integer> countByStatus(List<PurchaseOrder> purchaseOrders) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PurchaseOrder order : purchaseOrders) {
            String label = STATUS_LABELS.get(order.getStatus());
            counts.merge(label == null ? order.getStatus() : label, 1, Integer::sum);
        }
        return counts;
    }

    public void warnAboutPendingOrders(List<PurchaseOrder> purchaseOrders) {
        for (PurchaseOrder order : purchaseOrders) {
            if (PurchaseOrder.PENDING.equals(order.getStatus())) {
                log.warn("Order " + order.getId() + " is still pending; to inspect run "
                        + "SELECT * FROM orders WHERE id = " + order.getId());
            }
        }
    }
}
