package demo;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
@Repository
@Profile("jdbc")
@RequiredArgsConstructor
public class JdbcPetRepositoryImpl implements PetRepository {
    @Qualifier("jpaOwnerRepositoryImpl")
    private final OwnerRepository ownerRepository; // owners always come from the JPA store
    public Pet findById(int id) {
        Owner owner = ownerRepository.findById(1);
        return owner.getPets().get(0);
    }
    public void save(Pet pet) { }
}
