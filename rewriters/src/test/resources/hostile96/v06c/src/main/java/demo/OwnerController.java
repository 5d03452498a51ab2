package demo;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class OwnerController {
    private final OwnerRepository owners;
    public OwnerController(OwnerRepository owners) { this.owners = owners; }
    @GetMapping("/owners")
    public List<String> byLastName(@RequestParam String lastName) {
        return owners.findByLastName(lastName).stream().map(Owner::getLastName).toList();
    }
    @PutMapping("/owners/{id}")
    public List<String> rename(@PathVariable int id, @RequestParam String from, @RequestParam String to) {
        if (owners.findByLastName(from).isEmpty()) return List.of();
        owners.rename(id, to);
        return owners.findByLastName(to).stream().map(Owner::getLastName).toList();
    }
}
