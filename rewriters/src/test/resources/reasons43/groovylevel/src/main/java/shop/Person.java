package shop;

import jakarta.persistence.*;

@Entity
@Table(name = "person")
public class Person {
    @Id @GeneratedValue Long id;
    String name;
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
