package shop;
import org.springframework.stereotype.Service;
@Service
public class Finder {
    private final ParcelRepository parcels;
    public Finder(ParcelRepository parcels) { this.parcels = parcels; }
    public Parcel parcel(Long id) {
        return parcels.findById(id).orElseThrow();
    }
}
