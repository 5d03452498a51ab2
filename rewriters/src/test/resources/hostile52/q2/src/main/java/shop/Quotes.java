package shop;

import java.util.ArrayList;
import java.util.List;

public class Quotes {
    private final Pricing pricing;

    public Quotes(Pricing pricing) {
        this.pricing = pricing;
    }

    public List<String> quoteAll(Inbox inbox) {
        List<String> quotes = new ArrayList<>();
        List<String> todo = inbox.current().toList();
        todo.forEach(sku -> quotes.add(sku + "=" + pricing.fetch(sku)));
        return quotes;
    }
}
