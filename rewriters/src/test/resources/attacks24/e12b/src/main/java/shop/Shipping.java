package shop;
import jakarta.persistence.*;

@Embeddable
public class Shipping {
    private String city;
    public String getCity() { return city; }
}
