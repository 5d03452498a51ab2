package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class CityController {
    private final Finder finder;
    public CityController(Finder finder) { this.finder = finder; }
    @GetMapping("/city")
    public String city(@RequestParam Long id) {
        return finder.parcel(id).getShipping().getCity();
    }
}
