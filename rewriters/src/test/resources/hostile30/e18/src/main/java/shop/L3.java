package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L3<E, R extends JpaRepository<E, Long>> extends L2<E, R> {
    protected L3(R r) { super(r); }
}
