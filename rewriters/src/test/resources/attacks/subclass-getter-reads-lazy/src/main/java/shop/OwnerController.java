package shop;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
@RestController
public class OwnerController {
    private final OwnerRepository owners;
    private final OwnerMapper mapper;
    public OwnerController(OwnerRepository owners, OwnerMapper mapper) { this.owners = owners; this.mapper = mapper; }
    @GetMapping("/owners")
    public List<String> list(@org.springframework.web.bind.annotation.RequestParam String name) {
        List<String> names = new ArrayList<>();
        for (Owner owner : owners.findByName(name)) {
            names.add(mapper.toName(owner));
        }
        return names;
    }
}
