package shop;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TrashService {
    private final ProductInfoRepository repo;
    public TrashService(ProductInfoRepository repo) { this.repo = repo; }

    List<ProductInfo> trash() { return repo.deletedProducts(); }

    /** Empties the trash by restoring every product: JPA writes deleted=false at the commit. */
    @Transactional
    public void restoreAll() {
        for (ProductInfo p : trash()) {
            p.setDeleted(false);
        }
    }
}
