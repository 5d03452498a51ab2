package repro.three;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignUpController {
    private final UserServiceImpl users;

    public SignUpController(UserServiceImpl users) { this.users = users; }

    @PostMapping("/signup")
    public Long signUp(@RequestParam String username, @RequestParam String password) {
        return users.insert(username, password).getId();
    }
}
