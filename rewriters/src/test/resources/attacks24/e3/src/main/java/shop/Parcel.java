package shop;
import jakarta.persistence.*;

@Entity
public class Parcel {
    @Id private Long id;
    @Embedded
    private Shipping shipping;
    private Integer price;
    public Integer getPrice() { return price; }
    public Shipping getShipping() { return shipping; }
}
