package demo;

import java.util.Date;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RememberTokenRepository extends JpaRepository<RememberToken, String> {
    RememberToken findBySeries(String series);
    void deleteByUsername(String username);
}
