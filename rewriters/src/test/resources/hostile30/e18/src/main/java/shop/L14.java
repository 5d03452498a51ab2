package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L14<E, R extends JpaRepository<E, Long>> extends L13<E, R> {
    protected L14(R r) { super(r); }
}
