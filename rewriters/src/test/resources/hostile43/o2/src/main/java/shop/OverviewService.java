package shop;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class OverviewService {
    private final AccountRepository accounts;
    private final CatalogService catalog;
    public OverviewService(AccountRepository accounts, CatalogService catalog) { this.accounts = accounts; this.catalog = catalog; }
    @Transactional
    public String overview(String name, String prefix) {
        Account account = accounts.findByName(name).orElseThrow();
        account.setVisits(account.getVisits() + 1);
        List<String> titles = catalog.titles(prefix);
        return account.getName() + ": " + String.join(", ", titles);
    }
}
