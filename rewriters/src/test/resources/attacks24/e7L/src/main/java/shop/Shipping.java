package shop;
import jakarta.persistence.*;

@Embeddable
public class Shipping {
    private String city;
    @ManyToOne(fetch = FetchType.LAZY)
    private Country country;
    public String getCity() { return city; }
    public Country getCountry() { return country; }
}
