package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class EmailController {
    private final People people;
    public EmailController(People people) { this.people = people; }
    @GetMapping("/exists")
    public boolean exists(@RequestParam Long id) {
        return people.findById(id).isPresent();
    }
}
