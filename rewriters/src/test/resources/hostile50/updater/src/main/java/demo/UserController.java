package demo;
import org.springframework.web.bind.annotation.*;
@RestController
public class UserController {
  private final UserRepository repo; private final AuthService auth;
  public UserController(UserRepository repo, AuthService auth) { this.repo = repo; this.auth = auth; }
  @GetMapping("/users/by-email") public String name(@RequestParam String email) { return repo.findByEmail(email).map(u -> u.getName() + "/" + u.getNickname()).orElse(null); }
  @PostMapping("/login") public void login(@RequestBody String email) { auth.login(email); }
  @PostMapping("/login2") public void login2(@RequestBody String email) throws Throwable { auth.loginByHandle(email); }
}
