package r;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OverviewService {
    private final AccountRepository accounts;
    private final CategoryRepository categories;
    private final CatalogService catalog;

    public OverviewService(AccountRepository accounts, CategoryRepository categories, CatalogService catalog) {
        this.accounts = accounts;
        this.categories = categories;
        this.catalog = catalog;
    }

    // loads a category first, in the transaction the titles are then read in: the persistence context answers with it
    @Transactional
    public String overview(String name, String prefix) {
        Account account = accounts.findByName(name).orElseThrow();
        account.setLastSeen(java.time.Instant.now());
        categories.findById(1L).ifPresent(first -> account.getName());
        List<String> titles = catalog.titles(prefix);
        return account.getName() + ": " + String.join(", ", titles);
    }
}
