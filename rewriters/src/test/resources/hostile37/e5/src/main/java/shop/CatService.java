package shop;
import org.springframework.stereotype.Service;
@Service
public class CatService {
    private final CatRepository cats;
    private final Translator translator;
    public CatService(CatRepository cats, Translator translator) { this.cats = cats; this.translator = translator; }
    public String name(Long id) { return cats.findById(id).map(Cat::getName).map(translator::getTranslation).orElse("none"); }
}
