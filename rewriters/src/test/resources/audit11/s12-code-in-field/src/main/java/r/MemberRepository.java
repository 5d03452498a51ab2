package r;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface MemberRepository extends JpaRepository<Member, Integer> {
    @Transactional
    @Modifying
    @Query("DELETE FROM Member m WHERE m.id=?1")
    int delete(int id);
    Member getByEmail(String email);
}
