package shop;

import java.util.List;
import java.util.stream.Collectors;

public class Quotes {
    private final Pricing pricing;

    public Quotes(Pricing pricing) {
        this.pricing = pricing;
    }

    public List<String> quoteAll(List<String> skus) {
        return skus.stream().map(sku -> sku + "=" + pricing.fetch(sku)).collect(Collectors.toList());
    }
}
