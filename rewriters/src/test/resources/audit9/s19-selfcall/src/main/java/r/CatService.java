package r;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service public class CatService {
  private final CatRepository repo; public CatService(CatRepository repo){this.repo=repo;}
  public Cat find(Long id) { return repo.findById(id).orElseThrow(); }
  @Transactional public Cat rename(Long id, String n) { Cat c = find(id); c.setName(n); return repo.save(c); }
}
