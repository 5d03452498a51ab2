package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L15<E, R extends JpaRepository<E, Long>> extends L14<E, R> {
    protected L15(R r) { super(r); }
}
