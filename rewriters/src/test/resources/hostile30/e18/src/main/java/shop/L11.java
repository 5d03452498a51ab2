package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L11<E, R extends JpaRepository<E, Long>> extends L10<E, R> {
    protected L11(R r) { super(r); }
}
