package shop;

import jakarta.persistence.*;

@Entity
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    String productId;
    String productName;
    Integer count;
    @Transient ProductInfo product;
    @Transient String[] notes;

    public ProductInOrder() {}

    /** A line typed in by hand: only a name. */
    public ProductInOrder(String productName) {
        this.productName = productName.strip();
        this.count = 1;
    }

    /** A line for a catalogue product, with optional notes: keeps the product to reserve its stock. */
    public ProductInOrder(ProductInfo productInfo, String... notes) {
        this.product = productInfo;
        this.productId = productInfo.getProductId();
        this.notes = notes;
        this.count = 1;
    }

    /** Reserving takes the count off the product's stock. */
    public void reserve() {
        if (product != null) {
            product.setProductStock(product.getProductStock() - count);
        }
    }
    public void setCart(Cart cart) { this.cart = cart; }
}
