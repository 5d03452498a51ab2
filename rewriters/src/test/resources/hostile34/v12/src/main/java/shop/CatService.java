package shop;
import org.springframework.stereotype.Service;
@Service
public class CatService {
    private final CatRepository repo;
    public CatService(CatRepository repo) { this.repo = repo; }
    public Cat find(Long id) { return repo.findById(id).orElseThrow(); }
    public void rename(Long id, String n) {
        Cat c = find(id);
        c.setName(n);
        repo.saveAndFlush(c);
    }
    /** How the cat's card would read under another name; nothing is saved. */
    public String preview(Long id, String n) {
        Cat c = find(id);
        c.setName(n);
        return "[" + c.getId() + "] " + c.getName();
    }
}
