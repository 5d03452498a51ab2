package shop;
import jakarta.persistence.*;

@Embeddable
public class Shipping extends Located {
    private String city;
    public String getCity() { return city; }
}
