package r;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.*;

@Entity
public class Meal {
    @Id @GeneratedValue
    private Integer id;
    private String description;
    private Integer price;
    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    private Kitchen kitchen;

    public Integer getId() { return id; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Integer getPrice() { return price; }
    public void setPrice(Integer price) { this.price = price; }
    public Kitchen getKitchen() { return kitchen; }
    public void setKitchen(Kitchen kitchen) { this.kitchen = kitchen; }
}
