package shop;

import java.util.List;

public class Basket {
    private final List<String> skus;

    public Basket(List<String> skus) {
        this.skus = skus;
    }

    public List<String> getSkus() {
        return skus;
    }
}
