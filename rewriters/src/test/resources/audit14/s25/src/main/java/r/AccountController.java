package r;

import org.springframework.web.bind.annotation.*;

@RestController
public class AccountController {
    private final AccountService service;

    public AccountController(AccountService service) {
        this.service = service;
    }

    @GetMapping("/accounts/{code}")
    public String name(@PathVariable String code) {
        return service.getByCode(code).map(Account::getName).orElse("?");
    }
}
