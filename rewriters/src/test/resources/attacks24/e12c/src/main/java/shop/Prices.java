package shop;
import org.springframework.stereotype.Service;
@Service
public class Prices {
    private final ParcelRepository parcels;
    public Prices(ParcelRepository parcels) { this.parcels = parcels; }
    public String label(Long id) {
        return parcels.findById(id).map(p -> p.getCountryName()).orElse("none");
    }
}
