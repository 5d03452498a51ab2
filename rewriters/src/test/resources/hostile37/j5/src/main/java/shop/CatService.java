package shop;
import java.util.List;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class CatService {
    private final EntityManager em;
    public CatService(EntityManager em) { this.em = em; }
    @Transactional
    public List<String> names() { List<Cat> all = em.createQuery("select c from Cat c", Cat.class).getResultList(); return all.stream().map(this::visit).toList(); }
    private String visit(Cat c) { c.setName(c.getName() + "!"); return c.getName(); }
}
