package shop;

import java.util.List;
import java.util.stream.Collectors;

public class Quotes {
    private final Pricing pricing;

    public Quotes(Pricing pricing) {
        this.pricing = pricing;
    }

    /** A quoter that starts on this class's source and can be switched to another one. */
    public Quoter quoter() {
        return new Quoter() {
            private Pricing pricing = Quotes.this.pricing;

            @Override
            public List<String> quote(List<String> skus) {
                return skus.stream().map(pricing::fetch).collect(Collectors.toList());
            }

            @Override
            public void switchTo(Pricing source) {
                this.pricing = source;
            }
        };
    }
}
