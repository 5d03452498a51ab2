package r;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
public interface RepairRepository extends JpaRepository<Repair, Long> {
    List<Repair> findAllBySerial(String serial);
}
