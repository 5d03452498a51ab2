package r;
import org.springframework.data.jpa.repository.JpaRepository;
public interface ShopRepository extends JpaRepository<Shop, Integer> {}
