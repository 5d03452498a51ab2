package shop;
import org.springframework.stereotype.Component;
@Component
public class PetLookup {
    private final PetService pets;
    public PetLookup(PetService pets) { this.pets = pets; }
    public Pet byId(String id) { return pets.find(Long.valueOf(id)); }
}
