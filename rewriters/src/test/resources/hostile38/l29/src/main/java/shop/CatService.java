package shop;
import java.util.List;
import jakarta.persistence.*;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class CatService {
    private final EntityManager em;
    private final CatRepository repo;
    public CatService(EntityManager em, CatRepository repo) { this.em = em; this.repo = repo; }
    private String visit(Cat c) { c.setName(c.getName() + "!"); return c.getName(); }
    @Transactional public List<String> names() { return em.unwrap(Session.class).byId(Cat.class).loadOptional(1L).map(this::visit).stream().toList(); }
}
