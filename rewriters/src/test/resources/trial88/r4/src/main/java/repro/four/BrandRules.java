package repro.four;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class BrandRules {
    private final BrandRepository brandRepository;

    public BrandRules(BrandRepository brandRepository) { this.brandRepository = brandRepository; }

    public void notDeleted(LocalDateTime deletedDate) {
        List<Brand> brands = brandRepository.findByDeletedDate(deletedDate);
        for (Brand b : brands) {
            if (b.getDeletedDate() != null) {
                throw new IllegalStateException("deleted");
            }
        }
    }
}
