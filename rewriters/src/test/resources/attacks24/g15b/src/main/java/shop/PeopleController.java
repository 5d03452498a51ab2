package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class PeopleController {
    private final People people;
    private final PermMapper mapper;
    public PeopleController(People people, PermMapper mapper) { this.people = people; this.mapper = mapper; }
    @GetMapping("/privileges")
    public List<String> privileges(@RequestParam Long id) {
        Person person = people.findById(id).orElseThrow();
        List<String> names = new ArrayList<>();
        for (Role role : person.getRoles()) {
            names.add(role.getName());
            for (Permission permission : role.getPermissions()) {
                names.add(mapper.describe(permission));
            }
        }
        return names;
    }
}
