package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L8<E, R extends JpaRepository<E, Long>> extends L7<E, R> {
    protected L8(R r) { super(r); }
}
