package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class PeopleController {
    private final People people;
    private final RoleMapper mapper;
    public PeopleController(People people, RoleMapper mapper) { this.people = people; this.mapper = mapper; }
    @GetMapping("/privileges")
    public List<String> privileges(@RequestParam Long id) {
        Person person = people.findById(id).orElseThrow();
        List<String> names = new ArrayList<>();
        for (Role role : person.getRoles()) {
            names.add(role.getName());
            names.add(mapper.describe(role));
        }
        return names;
    }
}
