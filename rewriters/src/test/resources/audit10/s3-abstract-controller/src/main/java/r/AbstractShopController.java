package r;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
// the shared read: it uses nothing but the injected singleton repository, so every subclass computes the same answer
public abstract class AbstractShopController {
    @Autowired
    protected ShopRepository shopRepository;

    public List<Shop> getAll() {
        return shopRepository.findAll();
    }
}
