package shop;

import java.util.List;
import java.util.stream.Collectors;

public class Quotes {
    private final Pricing pricing;

    public Quotes(Pricing pricing) {
        this.pricing = pricing;
    }

    public List<String> quoteAll(Cart cart, List<String> extra) {
        if (!extra.isEmpty()) {
            Basket basket = new Basket(extra);
            System.out.println("extra: " + basket.getSkus());
        }
        Cart basket = cart;
        return basket.getSkus().stream().map(sku -> pricing.fetch(sku)).collect(Collectors.toList());
    }
}
