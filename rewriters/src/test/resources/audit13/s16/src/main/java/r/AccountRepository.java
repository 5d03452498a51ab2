package r;

import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface AccountRepository extends JpaRepository<Account, Long> {
    @Query("SELECT a FROM Account a WHERE a.email = :email")
    Account getByEmail(String email);

    /** A scalar projection: ids straight from SQL, no entity instances. */
    @Query("SELECT a.id FROM Account a WHERE a.enabled = FALSE")
    Set<Long> getAllBanned();

    @Modifying
    @Transactional
    @Query("UPDATE Account a SET a.enabled = :enabled WHERE a.id = :id")
    int enable(Long id, boolean enabled);
}
