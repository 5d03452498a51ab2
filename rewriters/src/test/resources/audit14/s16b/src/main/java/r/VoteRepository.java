package r;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

@Transactional(readOnly = true)
public interface VoteRepository extends JpaRepository<Vote, Integer> {
    @Query("SELECT v FROM Vote v WHERE v.userId = :userId AND v.day = :day")
    Optional<Vote> getVoteByDate(int userId, LocalDate day);

    default Vote getExistedByDate(int userId, LocalDate day) {
        return getVoteByDate(userId, day).orElseThrow();
    }
}
