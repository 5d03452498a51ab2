package shop;
import org.springframework.stereotype.Service;
@Service public class AccountService {
  private final AccountRepository repo; public AccountService(AccountRepository repo){this.repo=repo;}
  public Account byName(String name) { return repo.findByName(name).orElseThrow(); }
}
