package r;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BrandController {
    private final BrandService brandService;

    public BrandController(BrandService brandService) {
        this.brandService = brandService;
    }

    @GetMapping("/brands/{id}/name")
    public String name(@PathVariable Long id) {
        return brandService.getBrandById(id).getName();
    }

    // the only writer request: it never calls the proxied getBrandById before updateBrand
    @PostMapping("/brands/{id}")
    public void update(@PathVariable Long id, @RequestParam String name) {
        brandService.updateBrand(id, name);
    }
}
