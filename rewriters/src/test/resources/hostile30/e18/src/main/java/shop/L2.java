package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public abstract class L2<E, R extends JpaRepository<E, Long>> extends L1<E, R> {
    protected L2(R r) { super(r); }
}
