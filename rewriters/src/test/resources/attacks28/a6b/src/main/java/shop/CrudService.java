package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class CrudService<T, Q extends JpaRepository<T, Long>> extends AbstractService<T, Q> {
    protected CrudService(Q r) { super(r); }
    public T touch(T entity) { return repository.saveAndFlush(entity); }
}
