package shop;
import org.springframework.stereotype.Service;
@Service
public class ReportService {
    private final OwnerRepository owners;
    private final CatService api;
    public ReportService(OwnerRepository owners, CatService api) { this.owners = owners; this.api = api; }
    public String report(Long id) { return owners.count() + " owners, cat " + api.name(id); }
}
