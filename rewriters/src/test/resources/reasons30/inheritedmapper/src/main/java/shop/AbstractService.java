package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class AbstractService<E, D, R extends JpaRepository<E, Long>, M extends AbstractMapper<E, D>> {
    protected final R repository;
    protected final M entityMapper;
    protected AbstractService(R repository, M mapper) { this.repository = repository; this.entityMapper = mapper; }
}
