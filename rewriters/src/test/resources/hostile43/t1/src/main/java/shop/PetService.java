package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class PetService {
    private final PetRepository repo;
    public PetService(PetRepository repo) { this.repo = repo; }
    public Pet find(Long id) { return repo.findById(id).orElseThrow(); }
    @Transactional
    public void rename(Long id, String name) { repo.findById(id).orElseThrow().setName(name); }
}
