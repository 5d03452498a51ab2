package dev.optkit.samples.spring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

@Service
public class LoyaltyService {

    private final RestClient partnerRestClient;

    public LoyaltyService(RestClient partnerRestClient) {
        this.partnerRestClient = partnerRestClient;
    }

    public CustomerTier getCustomerTier(long customerId) {
        String tier = partnerRestClient.get()
                .uri("/customers/{id}/tier", customerId)
                .retrieve()
                .body(String.class);
        return CustomerTier.valueOf(tier.trim());
    }

    public Map<Long, CustomerTier> tiersFor(List<Long> customerIds) {
        Map<Long, CustomerTier> tiers = new LinkedHashMap<>();
        for (Long customerId : customerIds) {
            tiers.put(customerId, getCustomerTier(customerId));
        }
        return tiers;
    }

    public void recordPurchase(long customerId, BigDecimal amountEur) {
        partnerRestClient.post()
                .uri("/customers/{id}/purchases", customerId)
                .contentType(MediaType.TEXT_PLAIN)
                .body(amountEur.toPlainString())
                .retrieve()
                .toBodilessEntity();
    }
}
