package shop;
import org.springframework.stereotype.Service;
@Service
public class CountryAdmin {
    private final CountryRepository countries;
    public CountryAdmin(CountryRepository countries) { this.countries = countries; }
    public void rename(Long id, String name) {
        Country c = countries.findById(id).orElseThrow();
        c.setName(name);
        countries.save(c);
    }
}
