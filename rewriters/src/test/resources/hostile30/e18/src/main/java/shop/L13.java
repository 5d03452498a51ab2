package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L13<E, R extends JpaRepository<E, Long>> extends L12<E, R> {
    protected L13(R r) { super(r); }
}
