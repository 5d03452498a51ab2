package r;
import java.util.List;
public interface LineRepository extends org.springframework.data.jpa.repository.JpaRepository<Line, Long> { List<Line> findByStatus(String status); }
