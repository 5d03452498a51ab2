package demo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
@Repository
@Profile("jpa & !jdbc")
public class JpaPetRepositoryImpl implements PetRepository {
    @PersistenceContext private EntityManager em;
    public Pet findById(int id) { return em.find(Pet.class, id); }
    public void save(Pet pet) { em.merge(pet); }
}
