package shop;
import jakarta.persistence.EntityManager;
import org.springframework.data.jpa.repository.support.*;
public class BaseRepositoryImpl<T> extends SimpleJpaRepository<T, Long> implements BaseRepository<T> {
    private final EntityManager em; private final JpaEntityInformation<T, ?> info;
    public BaseRepositoryImpl(JpaEntityInformation<T, ?> info, EntityManager em) { super(info, em); this.em = em; this.info = info; }
    public boolean existsActive(Long id) { Object e = em.find(info.getJavaType(), id); return e instanceof Product p && p.isActive(); }
}
