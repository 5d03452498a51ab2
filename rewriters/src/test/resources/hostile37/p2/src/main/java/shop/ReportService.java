package shop;
import org.springframework.stereotype.Service;
@Service
public class ReportService {
    private final OwnerRepository owners;
    private final CatApi api;
    public ReportService(OwnerRepository owners, CatApi api) { this.owners = owners; this.api = api; }
    public String report(Long id) { return owners.count() + " owners, cat " + api.name(id); }
}
