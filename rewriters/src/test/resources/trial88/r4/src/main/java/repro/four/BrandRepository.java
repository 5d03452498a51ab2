package repro.four;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BrandRepository extends JpaRepository<Brand, Integer> {
    List<Brand> findByDeletedDate(LocalDateTime deletedDate);
}
