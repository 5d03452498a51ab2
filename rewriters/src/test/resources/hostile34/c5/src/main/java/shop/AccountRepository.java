package shop;
import java.util.Optional;
public interface AccountRepository extends org.springframework.data.jpa.repository.JpaRepository<Account, Long> { Optional<Account> findByName(String name); }
