package shop;

import jakarta.persistence.*;

@Entity
public class Item {
    @Id @GeneratedValue Long id;
    String name;
    boolean active;
    public Long getId() { return id; }
    public String getName() { return name; }
}
