package shop;
import org.springframework.stereotype.Service;
@Service
public class CatService {
    private final CatRepository cats;
    public CatService(CatRepository cats) { this.cats = cats; }
    public Cat find(Long id) { return cats.findById(id).orElseThrow(); }
}
