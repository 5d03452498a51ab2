package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L18<E, R extends JpaRepository<E, Long>> extends L17<E, R> {
    protected L18(R r) { super(r); }
}
