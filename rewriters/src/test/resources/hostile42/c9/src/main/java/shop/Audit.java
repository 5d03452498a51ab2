package shop;
import org.springframework.stereotype.Component;
@Component
public class Audit {
    private final PetService pets;
    public Audit(PetService pets) { this.pets = pets; }
    public void record(Long id, String user) {
        Pet pet = pets.find(id);
        System.out.println("> " + user + " viewed " + pet.getName() + " liked=" + pet.isLiked());
    }
}
