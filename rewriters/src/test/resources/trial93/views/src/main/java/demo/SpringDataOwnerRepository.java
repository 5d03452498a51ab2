package demo;
import java.util.Collection;
import org.springframework.context.annotation.Profile;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
// Only exists when profile "spring-data-jpa" is active (the default, see application.properties).
@Profile("spring-data-jpa")
public interface SpringDataOwnerRepository extends OwnerRepository, Repository<Owner, Integer> {
    @Override
    @Query("SELECT o FROM Owner o WHERE o.lastName LIKE :lastName%")
    Collection<Owner> findByLastName(@Param("lastName") String lastName);
}
