package shop;
public interface PermRepository extends org.springframework.data.jpa.repository.JpaRepository<Perm, Long> {}
