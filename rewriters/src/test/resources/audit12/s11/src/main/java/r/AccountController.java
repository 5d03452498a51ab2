package r;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {
    private final UserDao userDao;
    public AccountController(UserDao userDao) { this.userDao = userDao; }
    @GetMapping("/account/email")
    public String email(@AuthenticationPrincipal AuthUser me) { return me.getUser().getEmail(); } // read only
    @DeleteMapping("/account")
    public void delete(@AuthenticationPrincipal AuthUser me) { userDao.delete(me.id()); }
}
