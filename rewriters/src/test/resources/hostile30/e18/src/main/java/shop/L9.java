package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L9<E, R extends JpaRepository<E, Long>> extends L8<E, R> {
    protected L9(R r) { super(r); }
}
