package r;

import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class LoginController {
    private final LoginService loginService;
    private final BanService banService;

    public LoginController(LoginService loginService, BanService banService) {
        this.loginService = loginService;
        this.banService = banService;
    }

    @PostMapping("/login/{email}")
    public String login(@PathVariable String email) {
        return loginService.login(email);
    }

    @GetMapping("/banned")
    public Set<Long> banned() {
        return banService.getAllBanned();
    }

    @PostMapping("/accounts/{id}/enabled/{enabled}")
    public void enable(@PathVariable Long id, @PathVariable boolean enabled) {
        banService.enable(id, enabled);
    }
}
