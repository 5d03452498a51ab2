package demo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class ClinicService {
    private final OwnerRepository owners;
    private final PetRepository pets;
    public ClinicService(OwnerRepository owners, PetRepository pets) { this.owners = owners; this.pets = pets; }
    @Transactional(readOnly = true)
    public String ownerName(int id) { return owners.findById(id).getLastName(); }
    @Transactional(readOnly = true)
    public Pet findPetById(int id) { return pets.findById(id); }
    @Transactional
    public void savePet(Pet pet) { pets.save(pet); }
}
