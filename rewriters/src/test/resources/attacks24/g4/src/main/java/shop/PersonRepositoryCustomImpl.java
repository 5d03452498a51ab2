package shop;
import java.util.Optional;
import jakarta.persistence.EntityManager;
public class PersonRepositoryCustomImpl implements PersonRepositoryCustom {
    private final EntityManager em;
    public PersonRepositoryCustomImpl(EntityManager em) { this.em = em; }
    public Optional<Person> findWithRolesById(Long id) {
        return Optional.ofNullable(em.find(Person.class, id));
    }
}
