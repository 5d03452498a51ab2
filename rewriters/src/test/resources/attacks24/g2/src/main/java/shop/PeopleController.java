package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class PeopleController {
    private final People people;
    public PeopleController(People people) { this.people = people; }
    @GetMapping("/privileges")
    public List<String> privileges(@RequestParam Long id) {
        Person person = people.findById(id).orElseThrow();
        List<String> names = new ArrayList<>();
        for (Role role : person.getRoles()) {
            names.add(role.getName());
            for (Permission permission : role.getPermissions()) {
                names.add(permission.getName());
            }
        }
        return names;
    }
}
