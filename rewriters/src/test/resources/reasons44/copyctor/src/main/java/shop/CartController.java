package shop;

import java.util.Collection;
import java.util.Collections;
import org.springframework.web.bind.annotation.*;

@RestController
public class CartController {
    private final ProductService productService;
    private final CartService cartService;
    public CartController(ProductService productService, CartService cartService) {
        this.productService = productService;
        this.cartService = cartService;
    }

    @GetMapping("/product/{id}") public ProductInfo show(@PathVariable String id) { return productService.findOne(id); }

    @PostMapping("/cart/{cartId}/add/{id}")
    public void add(@PathVariable Long cartId, @PathVariable String id) {
        var productInfo = productService.findOne(id);
        mergeCart(Collections.singleton(new ProductInOrder(productInfo, 1)), cartId);
    }

    @PostMapping("/cart/{cartId}")
    public void mergeCart(@RequestBody Collection<ProductInOrder> items, @PathVariable Long cartId) {
        cartService.merge(items, cartId);
    }
}
