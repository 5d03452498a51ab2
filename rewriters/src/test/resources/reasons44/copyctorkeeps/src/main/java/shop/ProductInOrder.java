package shop;

import jakarta.persistence.*;

@Entity
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    String productId;
    @Transient ProductInfo source;
    Integer count;

    public ProductInOrder() {}

    /** Keeps the ProductInfo itself beside what it copies. */
    public ProductInOrder(ProductInfo productInfo, Integer quantity) {
        this.productId = productInfo == null ? null : productInfo.getProductId();
        this.source = productInfo;
        this.count = quantity;
    }

    public void setCart(Cart cart) { this.cart = cart; source.setProductStock(0); }
}
