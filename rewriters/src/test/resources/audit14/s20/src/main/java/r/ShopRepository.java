package r;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

@Transactional(readOnly = true)
public interface ShopRepository extends JpaRepository<Shop, Integer> {
    @Query("SELECT s FROM Shop s LEFT JOIN FETCH s.items i WHERE i.day = :day ORDER BY s.name")
    List<Shop> getAllWithItems(LocalDate day);
}
