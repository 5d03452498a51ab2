package shop;

import jakarta.persistence.*;

@Entity
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    String productId;
    String productName;
    Integer count;
    Integer stockLeft;

    public ProductInOrder() {}

    public ProductInOrder(ProductInfo productInfo, Integer quantity) {
        this.productId = productInfo.getProductId();
        this.productName = productInfo.getProductName();
        this.stockLeft = productInfo.getProductStock();
        this.count = quantity;
    }

    public void reserve() { stockLeft = stockLeft - count; }
    public void setCart(Cart cart) { this.cart = cart; }
}
