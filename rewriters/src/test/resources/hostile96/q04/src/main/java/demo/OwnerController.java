package demo;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class OwnerController {
    private final OwnerRepository owners;
    public OwnerController(OwnerRepository owners) { this.owners = owners; }
    @GetMapping("/owners/{id}/pets")
    public List<String> petNames(@PathVariable int id) { return owners.findById(id).getPets().stream().map(Pet::getName).toList(); }
}
