package repro;
import org.springframework.data.repository.CrudRepository;
import java.util.UUID;
public interface BoxRepository extends CrudRepository<Box, UUID> {}
