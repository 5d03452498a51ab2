package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class Where {
    private final Finder finder;
    public Where(Finder finder) { this.finder = finder; }
    @GetMapping("/where")
    public String where(@RequestParam Long id) {
        Parcel p = finder.parcel(id);
        String s = p.getShipping().getCity();
        return s;
    }
}
