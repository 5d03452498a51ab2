package shop;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
public interface PersonRepositoryCustom {
    @EntityGraph(attributePaths = {"roles", "roles.permissions"})
    Optional<Person> findWithRolesById(Long id);
}
