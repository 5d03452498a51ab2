package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class AbstractService<E, R extends JpaRepository<E, Long>> {
    protected abstract R getRepository();
    public E update(E entity) { return getRepository().saveAndFlush(entity); }
}
