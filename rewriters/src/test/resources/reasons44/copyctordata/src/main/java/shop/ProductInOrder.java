package shop;

import jakarta.persistence.*;

@Entity
@lombok.Data
@lombok.NoArgsConstructor
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    String productId;
    String productName;
    Integer count;



    /** Copies what it needs: keeps no reference to the ProductInfo. */
    public ProductInOrder(ProductInfo productInfo, Integer quantity) {
        this.productId = productInfo.getProductId();
        this.productName = productInfo.getProductName();
        this.count = quantity;
    }

    public void setCart(Cart cart) { this.cart = cart; }
}
