package r;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class LoginService {
    private final AccountRepository repository;
    private final BanService banService;

    public LoginService(AccountRepository repository, BanService banService) {
        this.repository = repository;
        this.banService = banService;
    }

    /** Loads the Account entity first, then asks for the banned ids. */
    public String login(String email) {
        Account account = repository.getByEmail(email);
        if (account == null || banService.getAllBanned().contains(account.getId())) {
            throw new IllegalArgumentException("no entry");
        }
        return account.getEmail();
    }
}
