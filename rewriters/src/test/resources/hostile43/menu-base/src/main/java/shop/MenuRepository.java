package shop;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
public interface MenuRepository extends JpaRepository<Menu, Long> { List<Menu> findByPid(Long pid); }
