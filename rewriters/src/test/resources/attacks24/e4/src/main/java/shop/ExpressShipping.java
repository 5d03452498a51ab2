package shop;
import jakarta.persistence.*;

@Embeddable
@DiscriminatorValue("express")
public class ExpressShipping extends Shipping {
    @ManyToOne(fetch = FetchType.LAZY)
    private Country hub;
    @Override
    public String describe() { return city + " via " + hub.getName(); }
}
