package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L4<E, R extends JpaRepository<E, Long>> extends L3<E, R> {
    protected L4(R r) { super(r); }
}
