package shop;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Cart {
    @Id @GeneratedValue Long cartId;
    Integer itemCount;
    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL)
    Set<ProductInOrder> products = new HashSet<>();
    public Set<ProductInOrder> getProducts() { return products; }
    public Integer getItemCount() { return itemCount; }
    public void setItemCount(Integer itemCount) { this.itemCount = itemCount; }
}
