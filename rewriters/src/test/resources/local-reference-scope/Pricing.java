package demo;

import java.math.BigDecimal;
import java.util.function.BiConsumer;

public class Pricing {
    private final QuoteClient client = new QuoteClient();

    public BigDecimal price(String sku, Quote draft) throws Exception {
        {
            BiConsumer<Quote, String> f = Quote::setNote;
            f.accept(draft, sku);
        }
        BigDecimal f = new BigDecimal(1);
        Quote quote = client.fetchQuote(sku);
        return f.add(quote.getPrice());
    }
}
