package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class BadgeController {
    private final Members members;
    public BadgeController(Members members) { this.members = members; }
    @GetMapping("/badge")
    public String badge(@RequestParam long id) {
        Badge badge = new Badge(members.member(id));

        return badge.getName();
    }
}
