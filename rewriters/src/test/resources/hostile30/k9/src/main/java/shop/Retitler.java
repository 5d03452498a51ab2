package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class Retitler {
    private final Finder finder;
    public Retitler(Finder finder) { this.finder = finder; }
    @Transactional public void retitle(String from, String to) { for (Titled t : finder.titled(from)) { t.setTitle(to); } }
}
