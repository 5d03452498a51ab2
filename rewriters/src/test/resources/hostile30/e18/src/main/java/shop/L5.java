package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L5<E, R extends JpaRepository<E, Long>> extends L4<E, R> {
    protected L5(R r) { super(r); }
}
