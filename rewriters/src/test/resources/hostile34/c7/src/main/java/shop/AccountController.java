package shop;
import java.util.List;
import org.springframework.beans.BeanUtils;
import org.springframework.web.bind.annotation.*;
@RestController public class AccountController {
  private final AccountService s; public AccountController(AccountService s){this.s=s;}
  @GetMapping("/accounts/{name}") public AccountDto get(@PathVariable String name, @RequestParam(defaultValue = "false") boolean detail) {
    AccountDto d = detail ? new AccountDto() {
      private List<String> permCodes;
      public List<String> getPermCodes(){return permCodes;}
      public void setPerms(List<Perm> p){ permCodes = p.stream().map(Perm::getCode).toList(); }
    } : new AccountDto();
    BeanUtils.copyProperties(s.byName(name), d);
    return d;
  }
}
