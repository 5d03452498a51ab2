package demo;
import org.springframework.web.bind.annotation.*;
@RestController
public class UserController {
  private final UserService users; private final AuthService auth;
  public UserController(UserService users, AuthService auth) { this.users = users; this.auth = auth; }
  @GetMapping("/users/{id}/name") public String name(@PathVariable Long id) { return users.nameOf(id); }
  @PostMapping("/login") public void login(@RequestBody String email) { auth.login(email); }
  @PutMapping("/users/{id}/name") public void rename(@PathVariable Long id, @RequestBody String name) { users.rename(id, name); }
}
