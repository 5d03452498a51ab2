package shop;

import jakarta.persistence.*;
import java.util.List;

@Entity
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    String productId;
    @Transient List<String> tags;
    Integer count;

    public ProductInOrder() {}

    /** Keeps a mutable part of the ProductInfo: its list of tags. */
    public ProductInOrder(ProductInfo productInfo, Integer quantity) {
        this.productId = productInfo.getProductId();
        this.tags = productInfo.getTags();
        this.count = quantity;
    }

    public void setCart(Cart cart) { this.cart = cart; tags.clear(); }
}
