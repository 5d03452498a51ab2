package shop;
import jakarta.persistence.*;

import org.hibernate.annotations.*;
@Embeddable
@DiscriminatorColumn(name = "shipping_kind")
public class Shipping {
    protected String city;
    public String getCity() { return city; }
    public String describe() { return city; }
}
