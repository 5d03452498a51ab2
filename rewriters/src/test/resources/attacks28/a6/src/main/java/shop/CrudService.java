package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class CrudService<T, Q extends JpaRepository<T, Long>> extends AbstractService<T, Q> {
    protected CrudService(Q r) { super(r); }
    public T update(T entity) { Q r = repo(); return r.saveAndFlush(entity); }
}
