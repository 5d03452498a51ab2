package demo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
@Repository
@Profile("jpa")
public class JpaOwnerRepositoryImpl implements OwnerRepository {
    @PersistenceContext private EntityManager em;
    public Owner findById(int id) { return em.find(Owner.class, id); }
}
