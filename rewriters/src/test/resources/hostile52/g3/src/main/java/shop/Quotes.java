package shop;

import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Collectors;
import shop.model.Ledger;

public class Quotes {
    private final Pricing pricing;

    public Quotes(Pricing pricing) {
        this.pricing = pricing;
    }

    public List<String> quoteAll(Ledger ledger) {
        return ledger.getEntries().stream().map(this::price).collect(Collectors.toList());
    }

    String price(shop.model.Entry entry) {
        return pricing.fetch(entry.sku());
    }

    public static String first(Map<String, String> prices) {
        for (Entry<String, String> e : prices.entrySet()) {
            return e.getKey();
        }
        return null;
    }
}
