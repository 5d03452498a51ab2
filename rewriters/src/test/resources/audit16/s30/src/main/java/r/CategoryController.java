package r;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CategoryController {
    private final CategoryService categoryService;

    public CategoryController(CategoryService categoryService) {
        this.categoryService = categoryService;
    }

    @GetMapping("/categories/{id}/path")
    public List<String> path(@PathVariable Long id) {
        List<Category> parents = categoryService.getAllUpperCategoriesById(id);
        Collections.reverse(parents);
        return parents.stream().map(Category::getName).collect(Collectors.toList());
    }

    @GetMapping("/categories/{id}/name")
    public String name(@PathVariable Long id) {
        return categoryService.getCategoryById(id).getName();
    }
}
