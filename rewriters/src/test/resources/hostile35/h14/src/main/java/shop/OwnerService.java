package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class OwnerService {
    private final OwnerRepository owners;
    public OwnerService(OwnerRepository owners) { this.owners = owners; }
    public String name(Long id) { return owners.findById(id).map(Owner::getName).orElse("none"); }
    @Transactional public void rename(Long id, String n) { owners.findById(id).orElseThrow().setName(n); }
}
