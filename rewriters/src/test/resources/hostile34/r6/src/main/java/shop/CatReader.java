package shop;
import org.springframework.stereotype.Service;
@Service
public class CatReader {
    private final CatRepository repo;
    public CatReader(CatRepository repo) { this.repo = repo; }
    public String name(Long id) { return repo.nameOf(id); }
}
