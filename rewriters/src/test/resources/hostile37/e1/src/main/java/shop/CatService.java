package shop;
import java.util.Optional;
import org.springframework.stereotype.Service;
@Service
public class CatService {
    private final CatRepository cats;
    private final Labeler labeler;
    public CatService(CatRepository cats, Labeler labeler) { this.cats = cats; this.labeler = labeler; }
    public String name(Long id) { return cats.findById(id).map(Cat::getName).orElse("none") + Optional.of(labeler).map(Labeler::getLabel).orElse(""); }
}
