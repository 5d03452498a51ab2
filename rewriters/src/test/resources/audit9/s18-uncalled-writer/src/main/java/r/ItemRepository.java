package r;
import org.springframework.data.jpa.repository.*;
public interface ItemRepository extends JpaRepository<Item, Long> {
  long countByActive(boolean active);
  @Modifying @Query("delete from Item i where i.active = false") int purgeInactive();
}
