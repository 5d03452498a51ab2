package r;

import org.springframework.stereotype.Service;

@Service
public class BrandService {
    private final BrandRepository brandRepository;

    public BrandService(BrandRepository brandRepository) {
        this.brandRepository = brandRepository;
    }

    public Brand getBrandById(Long id) {
        return brandRepository.findById(id).orElseThrow();
    }

    // loads through 'this' (no proxy), changes the managed instance and saves it at once
    public void updateBrand(Long id, String name) {
        Brand brand = getBrandById(id);
        brand.setName(name);
        brandRepository.save(brand);
    }
}
