package shop;

import lombok.AllArgsConstructor;
import lombok.NoArgsConstructor;

/** A line of a quote. Lombok writes ProductInOrder(ProductInfo product, Integer count), which keeps the product. */
@NoArgsConstructor
@AllArgsConstructor
public class ProductInOrder {
    ProductInfo product;
    Integer count;

    /** A quick line for a literal count: keeps nothing of the product. */
    public ProductInOrder(ProductInfo productInfo, int quantity) {
        this.count = quantity;
    }

    /** Reserving takes the count off the product's stock. */
    public void reserve() {
        if (product != null) {
            product.setProductStock(product.getProductStock() - count);
        }
    }
}
