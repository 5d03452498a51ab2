package r;
public interface UserRepository extends org.springframework.data.jpa.repository.JpaRepository<User, Integer> {}
