package r;
public interface LineRepository extends org.springframework.data.jpa.repository.JpaRepository<Line, Long> { long countByItemId(String itemId); }
