package r;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class RecordController {
    private final RecordService service;
    private final UserDao users;
    RecordController(RecordService service, UserDao users) { this.service = service; this.users = users; }
    @GetMapping("/records") public BaseResponse<List<RecordRow>> records(@RequestParam List<Integer> players) { return new BaseResponse<>(service.records(players)); }
    @PostMapping("/users") public void signUp(@RequestParam int id, @RequestParam String name, @RequestParam String nick) { users.signUp(id, name, nick); }
}
