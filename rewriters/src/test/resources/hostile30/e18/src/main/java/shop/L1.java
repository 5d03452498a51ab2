package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L1<E, R extends JpaRepository<E, Long>> extends AbstractService<E, R> {
    protected L1(R r) { super(r); }
}
