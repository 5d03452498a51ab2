package demo;
import org.springframework.stereotype.Service;
import java.util.List;
@Service
public class CategoryService {
  private final CategoryRepository categories;
  public CategoryService(CategoryRepository categories) { this.categories = categories; }
  public List<String> names() { return categories.findAll().stream().map(Category::getName).toList(); }
  public Category create(String name) { Category c = new Category(); c.setName(name); return categories.save(c); }
}
