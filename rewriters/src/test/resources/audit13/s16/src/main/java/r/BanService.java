package r;

import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BanService {
    private final AccountRepository repository;

    public BanService(AccountRepository repository) {
        this.repository = repository;
    }

    /** Ids of banned accounts: read by every login. */
    public Set<Long> getAllBanned() {
        return repository.getAllBanned();
    }

    @Transactional
    public void enable(Long id, boolean enabled) {
        repository.enable(id, enabled);
    }
}
