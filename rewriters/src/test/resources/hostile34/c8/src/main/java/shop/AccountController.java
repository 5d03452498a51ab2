package shop;
import java.util.Arrays;
import org.springframework.beans.BeanUtils;
import org.springframework.web.bind.annotation.*;
@RestController public class AccountController {
  private final AccountService s; public AccountController(AccountService s){this.s=s;}
  @GetMapping("/accounts/{name}") public AccountDto get(@PathVariable String name) {
    AccountDto d = new AccountDto();
    BeanUtils.copyProperties(s.byName(name), d);
    String[] tags = d.getTags();
    for (int i = 0; i < tags.length; i++) if (tags[i].startsWith("internal:")) tags[i] = "(hidden)";  // the public view hides internal tags
    return d;
  }
  @GetMapping("/admin/accounts/{name}") public String tags(@PathVariable String name) { return String.join(",", s.byName(name).getTags()); }
}
