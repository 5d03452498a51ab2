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
        names.add(person.getEmail());
        if (person instanceof Admin admin) {
            names.add(String.valueOf(admin.getDelegates().size()));
        }
        return names;
    }
}
