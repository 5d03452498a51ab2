package demo.app;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
@Repository
@Profile("jdbc")
public class JdbcPetRepositoryImpl implements PetRepository {
    private final OwnerRepository ownerRepository; // in profile "jdbc" this is always JdbcOwnerRepositoryImpl
    public JdbcPetRepositoryImpl(OwnerRepository ownerRepository) { this.ownerRepository = ownerRepository; }
    public Pet findById(int id) {
        Owner owner = ownerRepository.findById(1);
        return owner.getPets().get(0);
    }
    public void save(Pet pet) { }
}
