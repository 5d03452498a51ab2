package shop;

import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CartService {
    private final CartRepository carts;
    public CartService(CartRepository carts) { this.carts = carts; }

    @Transactional
    public void merge(Collection<ProductInOrder> items, Long cartId) {
        Cart cart = carts.findById(cartId).orElseThrow();
        for (ProductInOrder item : items) {
            item.setCart(cart);                   // changes the ProductInOrder, never a ProductInfo
            cart.getProducts().add(item);
        }
        carts.save(cart);
    }
}
