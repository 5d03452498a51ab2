package r;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
// the shared read: it uses nothing but the injected singleton repository, so every subclass computes the same answer;
// no subclass overrides it: each calls it as super.getAllShops() from a handler of another name (no proxy sees that call)
public abstract class AbstractShopController {
    @Autowired
    protected ShopRepository shopRepository;

    public List<Shop> getAllShops() {
        return shopRepository.findAll();
    }
}
