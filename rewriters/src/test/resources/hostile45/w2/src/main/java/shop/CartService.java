package shop;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CartService {
    private final LineRepository lines;
    private final CartRepository carts;
    public CartService(LineRepository lines, CartRepository carts) { this.lines = lines; this.carts = carts; }

    /** The badge on the cart icon. */
    public Integer itemCount(Long cartId) { return carts.itemCount(cartId); }

    List<ProductInOrder> purge(String productId) { return lines.deleteByProductId(productId); }

    /** A product is withdrawn: its lines go, and each cart that had one counts fewer items (written at the commit). */
    @Transactional
    public void withdraw(String productId) {
        for (ProductInOrder line : purge(productId)) {
            Cart cart = line.getCart();
            cart.setItemCount(cart.getItemCount() - line.getCount());
        }
    }
}
