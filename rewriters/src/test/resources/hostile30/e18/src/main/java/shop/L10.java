package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L10<E, R extends JpaRepository<E, Long>> extends L9<E, R> {
    protected L10(R r) { super(r); }
}
