package r;

import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class AccountService {
    private final AccountRepository repository;

    public AccountService(AccountRepository repository) {
        this.repository = repository;
    }

    public Optional<Account> getByCode(String code) {
        return repository.findByCode(code);
    }
}
