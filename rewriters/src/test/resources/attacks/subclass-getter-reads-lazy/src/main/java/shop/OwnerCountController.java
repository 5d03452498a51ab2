package shop;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
@RestController
public class OwnerCountController {
    private final OwnerRepository owners;
    public OwnerCountController(OwnerRepository owners) { this.owners = owners; }
    @GetMapping("/owners/count")
    public int count(@RequestParam String name) {
        return owners.findByName(name).size();
    }
}
