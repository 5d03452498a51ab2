package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L16<E, R extends JpaRepository<E, Long>> extends L15<E, R> {
    protected L16(R r) { super(r); }
}
