package demo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
@Repository
@Profile("jpa")
public class JpaOwnerRepositoryImpl implements OwnerRepository {
    @PersistenceContext private EntityManager em;
    @SuppressWarnings("unchecked")
    public Collection<Owner> findByLastName(String lastName) {
        return em.createQuery("SELECT o FROM Owner o WHERE o.lastName LIKE :n").setParameter("n", lastName + "%").getResultList();
    }
    public void rename(int id, String lastName) { /* renames go through the Spring Data store */ }
}
