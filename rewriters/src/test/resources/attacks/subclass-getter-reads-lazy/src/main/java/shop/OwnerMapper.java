package shop;
import org.springframework.stereotype.Component;
@Component
public class OwnerMapper {
    public String toName(Owner owner) {
        return owner.getName() + city(owner.getCity()) + String.valueOf(owner.getVet().getId());
    }
    private String city(City city) {
        return String.valueOf(city.getName());
    }
}
