package r;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

@Transactional(readOnly = true)
public interface VoteRepository extends JpaRepository<Vote, Integer> {
    @Query("SELECT COUNT(v.id) FROM Vote v WHERE v.restaurantId = :restaurantId")
    Integer countVotesByRestaurantId(@Param("restaurantId") int restaurantId);
}
