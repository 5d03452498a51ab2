package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class AbstractService<E, R extends JpaRepository<E, Long>> {
    private final R repository;
    protected AbstractService(R repository) { this.repository = repository; }
    protected R repo() { return repository; }
}
