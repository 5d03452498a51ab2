package shop;

import jakarta.persistence.*;

@Entity
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    String productId;
    Integer count;
    @Transient ProductInfo product;

    public ProductInOrder() {}

    public ProductInOrder(ProductInfo productInfo, Integer quantity) {
        this.product = productInfo;
        this.productId = productInfo.getProductId();
        this.count = quantity;
    }

    /** Reserving takes the count off the product's stock. */
    public void reserve() { product.setProductStock(product.getProductStock() - count); }
    public void setCart(Cart cart) { this.cart = cart; }
}
