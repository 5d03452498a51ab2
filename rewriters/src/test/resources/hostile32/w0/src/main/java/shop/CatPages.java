package shop;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
@Service
public class CatPages {
    private final CatRepository repo;
    public CatPages(CatRepository repo) { this.repo = repo; }
    public PageResponse list(int page, int size) {
        var p = repo.findAll(PageRequest.of(page, size));
        return new PageResponse(p.getContent().stream().map(Cat::getName).toList(), p.getTotalElements());
    }
}
