package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L7<E, R extends JpaRepository<E, Long>> extends L6<E, R> {
    protected L7(R r) { super(r); }
}
