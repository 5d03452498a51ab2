package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class RepairService {
    private final RepairRepository repairs;
    RepairService(RepairRepository repairs) { this.repairs = repairs; }
    public List<Repair> bySerial(String serial) { return repairs.findAllBySerial(serial); }
    public void delete(Long id) { repairs.deleteById(id); }
}
