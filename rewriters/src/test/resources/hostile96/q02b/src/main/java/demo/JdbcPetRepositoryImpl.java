package demo;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
@Repository
@Profile("jdbc")
public class JdbcPetRepositoryImpl implements PetRepository {
    private final OwnerRepository ownerRepository; // owners always come from the JPA store
    public JdbcPetRepositoryImpl(@org.springframework.beans.factory.annotation.Qualifier(Stores.JPA_OWNERS) OwnerRepository ownerRepository) { this.ownerRepository = ownerRepository; }
    public Pet findById(int id) {
        Owner owner = ownerRepository.findById(1);
        return owner.getPets().get(0);
    }
    public void save(Pet pet) { }
}
