package repro;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;
public interface BoxRepository extends CrudRepository<Box, UUID> {
    @Query("SELECT * FROM boxes WHERE name = :name")
    Optional<Box> findByBoxName(String name);
}
