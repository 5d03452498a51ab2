package r;

import jakarta.persistence.*;

@Entity
public class Restaurant {
    @Id @GeneratedValue
    private Integer id;
    private String name;
    public Integer getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
