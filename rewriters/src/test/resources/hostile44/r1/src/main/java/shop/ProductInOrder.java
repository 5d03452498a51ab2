package shop;

/** A line of a quote: keeps the product it was made for (the canonical constructor is implicit). */
public record ProductInOrder(ProductInfo product, Integer count) {

    /** A line for a product not in the catalogue: there is no product to keep. */
    public ProductInOrder(String productId, Integer count) {
        this((ProductInfo) null, count);
    }
}
