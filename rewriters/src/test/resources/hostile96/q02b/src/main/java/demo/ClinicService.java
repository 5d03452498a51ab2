package demo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class ClinicService {
    private final PetRepository pets;
    public ClinicService(PetRepository pets) { this.pets = pets; }
    @Transactional(readOnly = true)
    public Pet findPetById(int id) { return pets.findById(id); }
    @Transactional
    public void savePet(Pet pet) { pets.save(pet); }
}
