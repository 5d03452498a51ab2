package dev.optkit.samples.spring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class ExchangeRateService {

    public static final String RATES_CACHE = "exchangeRates";
    private static final String BASE_CURRENCY = "EUR";

    private final RestTemplate partnerRestTemplate;

    public ExchangeRateService(RestTemplate partnerRestTemplate) {
        this.partnerRestTemplate = partnerRestTemplate;
    }

    public String getBaseCurrency() {
        return BASE_CURRENCY;
    }

    @Cacheable(RATES_CACHE)
    public BigDecimal getRate(String currency) {
        String rate = partnerRestTemplate.getForObject("/rates/{currency}", String.class, currency);
        if (rate == null || rate.isBlank()) {
            throw new IllegalStateException("empty rate for " + currency);
        }
        return new BigDecimal(rate.trim());
    }

    public BigDecimal toBaseCurrency(BigDecimal amount, String currency) {
        if (BASE_CURRENCY.equals(currency)) {
            return amount;
        }
        return amount.divide(getRate(currency), 2, RoundingMode.HALF_UP);
    }
}
