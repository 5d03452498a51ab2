package shop;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class Reset {
    private final BookRepository repo; private final BookMapper bookMapper;
    public Reset(BookRepository repo, BookMapper bookMapper) { this.repo = repo; this.bookMapper = bookMapper; }
    @Transactional
    public int retitle(String from, String to) {
        List<Book> bs = repo.findByTitle(from);
        bookMapper.same(bs.get(0)).setTitle(to);
        return bs.size();
    }
}
