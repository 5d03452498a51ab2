package shop;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class CatService {
    private final CatRepository cats;
    private final Labeler labeler = new Labeler() { private int n; public String getLabel() { return "#" + (++n); } };
    public CatService(CatRepository cats) { this.cats = cats; }
    public String name(Long id) { return cats.findById(id).map(Cat::getName).orElse("none") + List.of(labeler).stream().map(Labeler::getLabel).findFirst().orElse(""); }
}
