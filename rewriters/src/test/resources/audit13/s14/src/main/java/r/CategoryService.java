package r;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CategoryService {
    private final CategoryRepository repository;

    public CategoryService(CategoryRepository repository) {
        this.repository = repository;
    }

    /** Category names by id: Category::getId is BaseEntity's Lombok getter. */
    public Map<Long, String> namesById() {
        return repository.findAll().stream()
                .collect(Collectors.toMap(c -> c.getId(), c -> c.getName(), (a, b) -> b, LinkedHashMap::new));
    }

    @Transactional
    public void add(String name) {
        Category category = new Category();
        category.setName(name);
        repository.save(category);
    }
}
