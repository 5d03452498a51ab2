package shop;
import org.springframework.stereotype.Service;
@Service
public class OwnerService {
    private final OwnerRepository owners;
    public OwnerService(OwnerRepository owners) { this.owners = owners; }
    public Owner find(Long id) { return owners.findById(id).orElseThrow(); }
}
