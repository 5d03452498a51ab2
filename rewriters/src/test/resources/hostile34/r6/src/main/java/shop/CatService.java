package shop;
import org.springframework.stereotype.Service;
import java.util.function.*;
@Service
public class CatService {
    private final CatRepository repo;
    public CatService(CatRepository repo) { this.repo = repo; }
    public void rename(Long id, String n) { repo.rename(id, n); }
}
