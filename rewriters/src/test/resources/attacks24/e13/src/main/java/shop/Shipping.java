package shop;
import jakarta.persistence.*;

@Embeddable
public class Shipping {
    private String city;
    @Embedded
    private Route route;
    public String getCity() { return city; }
    public Route getRoute() { return route; }
}
