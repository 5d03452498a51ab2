package r;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OverviewService {
    private final AccountRepository accounts;
    private final CatalogService catalog;

    public OverviewService(AccountRepository accounts, CatalogService catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    // loads the account and marks it seen first, in the transaction the titles are then read in: an account is no category
    @Transactional
    public String overview(String name, String prefix) {
        Account account = accounts.findByName(name).orElseThrow();
        account.setLastSeen(java.time.Instant.now());
        List<String> titles = catalog.titles(prefix);
        return account.getName() + ": " + String.join(", ", titles);
    }
}
