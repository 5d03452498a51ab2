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
        return pricing.preview(new ProductInOrder(productInfo, 1));
    }

    /** Report lines, used by the exporter: only the name is copied. Not in scope in quote(). */
    static class Export {
        static class ProductInOrder {
            String productName;
            ProductInOrder(ProductInfo productInfo, Integer quantity) { this.productName = productInfo.getProductName(); }
        }
    }
}
