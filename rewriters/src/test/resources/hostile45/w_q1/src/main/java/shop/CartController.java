package shop;

import org.springframework.web.bind.annotation.*;

@RestController
public class CartController {
    private final ProductService productService;
    private final Pricing pricing;
    public CartController(ProductService productService, Pricing pricing) {
        this.productService = productService;
        this.pricing = pricing;
    }

    @GetMapping("/product/{id}") public ProductInfo show(@PathVariable String id) { return productService.findOne(id); }

    @GetMapping("/quote/{id}")
    public int quote(@PathVariable String id) {
        var productInfo = productService.findOne(id);
        return productInfo.getProductStock();
    }
}
