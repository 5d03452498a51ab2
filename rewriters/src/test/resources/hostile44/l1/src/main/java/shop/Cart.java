package shop;

import jakarta.persistence.*;

@Entity
public class Cart {
    @Id @GeneratedValue Long cartId;
}
