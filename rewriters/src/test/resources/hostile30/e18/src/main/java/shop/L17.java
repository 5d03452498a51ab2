package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L17<E, R extends JpaRepository<E, Long>> extends L16<E, R> {
    protected L17(R r) { super(r); }
}
