package shop;
import jakarta.persistence.*;

@Embeddable
public class Shipping {
    private String city;
    @ManyToOne(targetEntity = Country.class, fetch = FetchType.LAZY)
    private java.io.Serializable country;
    public String getCity() { return city; }
    public Country getCountry() { return (Country) country; }
}
