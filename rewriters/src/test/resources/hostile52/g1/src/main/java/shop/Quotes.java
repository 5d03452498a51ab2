package shop;

import java.util.List;
import java.util.stream.Collectors;

public class Quotes {
    private final Pricing pricing;

    public Quotes(Pricing pricing) {
        this.pricing = pricing;
    }

    public List<String> quoteAll(Basket basket) {
        return basket.getSkus().stream().map(sku -> pricing.fetch(sku)).collect(Collectors.toList());
    }
}
