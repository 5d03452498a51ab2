package shop;
import java.util.List;
import org.springframework.data.jpa.repository.*;
public interface BookRepository extends JpaRepository<Book, Long> {
    List<Book> findByTitle(String title);
    @Query(value = "select book.title from book where book.id = :id", nativeQuery = true)
    String titleOf(Long id);
}
