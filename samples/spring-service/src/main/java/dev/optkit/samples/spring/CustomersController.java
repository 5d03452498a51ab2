package dev.optkit.samples.spring;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read routes of the customers, their rates and reports: the callers of the reads the stale-read probes cover. */
@RestController
public class CustomersController {

    private final CustomerDao customers;
    private final StoredRateService storedRates;
    private final CustomerReportService reports;

    public CustomersController(CustomerDao customers, StoredRateService storedRates, CustomerReportService reports) {
        this.customers = customers;
        this.storedRates = storedRates;
        this.reports = reports;
    }

    @GetMapping("/customers/{id}/country")
    public String country(@PathVariable long id) {
        return customers.countryNameOf(id);
    }

    @GetMapping("/customers/by-email")
    public Long idByEmail(@RequestParam String email) {
        return customers.findIdByEmail(email);
    }

    @GetMapping("/customers/{id}/pending-orders")
    public int pendingOrders(@PathVariable long id) {
        return customers.pendingOrderCount(id);
    }

    @GetMapping("/rates/{currency}")
    public BigDecimal storedRate(@PathVariable String currency) {
        return storedRates.storedRate(currency);
    }

    @GetMapping("/reports/currencies")
    public List<String> reportCurrencies() {
        return reports.reportCurrencies();
    }
}
