package shop;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class CatalogService {
    private final CategoryRepository categories;
    public CatalogService(CategoryRepository categories) { this.categories = categories; }
    public List<String> titles(String prefix) {
        return categories.findByTitleStartingWith(prefix).stream().map(Category::getTitle).toList();
    }
    @Transactional
    public void rename(Long id, String title) { categories.findById(id).orElseThrow().setTitle(title); }
}
