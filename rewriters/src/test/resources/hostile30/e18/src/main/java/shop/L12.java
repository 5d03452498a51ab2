package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L12<E, R extends JpaRepository<E, Long>> extends L11<E, R> {
    protected L12(R r) { super(r); }
}
