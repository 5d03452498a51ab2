package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L6<E, R extends JpaRepository<E, Long>> extends L5<E, R> {
    protected L6(R r) { super(r); }
}
