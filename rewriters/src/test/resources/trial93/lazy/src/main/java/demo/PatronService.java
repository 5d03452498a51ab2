package demo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class PatronService {
    private final PatronRepo repo;
    public PatronService(PatronRepo repo) { this.repo = repo; }
    public PatronDto getPatron(Long id) {
        Patron p = repo.findById(id).orElseThrow();
        return new PatronDto(p.getId(), p.getName());
    }
    @Transactional
    public void rename(Long id, String name) {
        Patron p = repo.findById(id).orElseThrow();
        p.setName(name);
        repo.save(p);
    }
}
