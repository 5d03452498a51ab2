package r;
public interface ItemRepository extends org.springframework.data.jpa.repository.JpaRepository<Item, Long> {}
