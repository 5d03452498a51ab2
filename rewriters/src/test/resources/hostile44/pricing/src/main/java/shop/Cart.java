package shop;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Cart {
    @Id @GeneratedValue Long cartId;
    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL)
    Set<ProductInOrder> products = new HashSet<>();
    public Set<ProductInOrder> getProducts() { return products; }
}
