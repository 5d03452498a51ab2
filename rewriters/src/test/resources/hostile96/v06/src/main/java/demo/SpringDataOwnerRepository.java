package demo;
import java.util.Collection;
import org.springframework.context.annotation.Profile;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;
@Profile("spring-data-jpa")
public interface SpringDataOwnerRepository extends OwnerRepository, Repository<Owner, Integer> {
    @Override
    @Query("SELECT o FROM Owner o WHERE o.lastName LIKE :lastName%")
    Collection<Owner> findByLastName(@Param("lastName") String lastName);
    @Override @Modifying @Transactional
    @Query("UPDATE Owner o SET o.lastName = :n WHERE o.id = :id")
    void rename(@Param("id") int id, @Param("n") String lastName);
}
