package shop;

import jakarta.persistence.*;

@Entity
public class ProductInOrder {
    @Id @GeneratedValue Long id;
    @ManyToOne(fetch = FetchType.LAZY) Cart cart;
    String productId;
    Integer count;

    public ProductInOrder() {}
    public Cart getCart() { return cart; }
    public Integer getCount() { return count; }
}
