package demo;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {
    Optional<AppUser> findOneByEmail(String email);
    Optional<AppUser> findOneByEmailAndTenant(String email, String tenant);
}
