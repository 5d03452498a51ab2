package shop;
import org.springframework.stereotype.Service;
import java.util.function.*;
@Service
public class CatService {
    private final NameWriter repo;
    public CatService(NameWriter repo) { this.repo = repo; }
    public void purge(String n) { repo.deleteByName(n); }
}
