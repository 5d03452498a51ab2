package r;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class CategoryService {
    private final CategoryRepository categoryRepository;

    public CategoryService(CategoryRepository categoryRepository) {
        this.categoryRepository = categoryRepository;
    }

    public Category getCategoryById(Long id) {
        return categoryRepository.findById(id).orElseThrow();
    }

    // a new list on every call; the Category objects are only added to it
    public List<Category> getAllUpperCategoriesById(Long id) {
        Category category = getCategoryById(id);
        List<Category> parents = new ArrayList<>();
        parents.add(category);
        while (category.getParentCategory() != null) {
            parents.add(category.getParentCategory());
            category = category.getParentCategory();
        }
        return parents;
    }
}
