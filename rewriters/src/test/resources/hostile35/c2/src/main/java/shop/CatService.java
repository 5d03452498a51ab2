package shop;
import org.springframework.stereotype.Service;
@Service
public class CatService {
    private final CatRepository cats;
    public CatService(CatRepository cats) { this.cats = cats; }
    public String name(Long id) { return cats.findById(id).map(Cat::getName).orElse("none"); }
}
