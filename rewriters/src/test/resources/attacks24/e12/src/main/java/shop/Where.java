package shop;
import org.springframework.stereotype.Service;
@Service
public class Where {
    private final Finder finder;
    public Where(Finder finder) { this.finder = finder; }
    public String where(Long id) {
        Parcel p = finder.parcel(id);
        String s = p.getShipping().getCountryName();
        return s;
    }
}
