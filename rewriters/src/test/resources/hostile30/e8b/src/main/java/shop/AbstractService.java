package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class AbstractService<E, B extends JpaRepository<E, Long>, R extends B> {
    private final R repository;
    protected AbstractService(R repository) { this.repository = repository; }
    protected R repo() { return repository; }
    public E update(E entity) { R r = repo(); return r.saveAndFlush(entity); }
}
