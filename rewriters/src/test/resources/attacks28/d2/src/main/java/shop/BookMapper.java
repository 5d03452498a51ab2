package shop;
import org.springframework.stereotype.Component;
@Component
public class BookMapper {
    public Book toDto(Book book) { return book; }
}
