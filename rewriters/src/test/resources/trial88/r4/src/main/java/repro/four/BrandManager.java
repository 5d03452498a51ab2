package repro.four;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.CachePut;
import org.springframework.stereotype.Service;

@Service
@CacheConfig(cacheNames = "brands")
public class BrandManager {
    private final BrandRepository brandRepository;
    private final BrandRules rules;

    public BrandManager(BrandRepository brandRepository, BrandRules rules) {
        this.brandRepository = brandRepository;
        this.rules = rules;
    }

    @CachePut(key = "#id")
    public String update(String name, int id) {
        Brand brand = brandRepository.findById(id).orElseThrow();
        rules.notDeleted(brand.getDeletedDate());
        brand.setName(name);
        return brandRepository.save(brand).getName();
    }
}
