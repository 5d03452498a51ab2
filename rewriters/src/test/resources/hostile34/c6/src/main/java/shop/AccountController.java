package shop;
import org.springframework.web.bind.annotation.*;
@RestController public class AccountController {
  private final AccountService s; public AccountController(AccountService s){this.s=s;}
  @GetMapping("/accounts/{name}") public AccountDto get(@PathVariable String name) {
    AccountDto d = AccountMapper.toDto(s.byName(name));
    d.getTags().removeIf(t -> t.startsWith("internal:"));   // the public view hides internal tags
    return d;
  }
  @GetMapping("/admin/accounts/{name}") public String tags(@PathVariable String name) { return String.join(",", s.byName(name).getTags()); }
}
