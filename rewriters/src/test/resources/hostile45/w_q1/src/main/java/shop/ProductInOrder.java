package shop;

import jakarta.persistence.*;

@Entity
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    Integer count;
    @Transient java.util.List<ProductInfo> parts;

    public ProductInOrder() {}

    public ProductInOrder(ProductInfo productInfo, Integer quantity) {
        this.parts = new java.util.ArrayList<>(); this.parts.add(productInfo);
        this.count = quantity;
    }

    /** Reserving takes the count off the product's stock. */
    public void reserve() { for (ProductInfo p : parts) p.setProductStock(p.getProductStock() - count); }
    public void setCart(Cart cart) { this.cart = cart; }
}
