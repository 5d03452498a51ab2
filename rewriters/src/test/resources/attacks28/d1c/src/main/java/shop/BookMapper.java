package shop;
import org.springframework.stereotype.Component;
@Component
public class BookMapper {
    public Author toDto(Book book) { return book.getAuthor(); }
}
