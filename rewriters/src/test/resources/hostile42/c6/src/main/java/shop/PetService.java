package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class PetService {
    private final PetRepository repo;
    private final Likes likes;
    public PetService(PetRepository repo, Likes likes) { this.repo = repo; this.likes = likes; }

    public Pet find(Long id) { return repo.findById(id).orElseThrow(); }

    /** the pet as the user sees it: liked or not (a transient flag, never saved) */
    public Pet forUser(Long id, String user) {
        Pet pet = repo.findById(id).orElseThrow();
        pet.setLiked(likes.has(user, id));
        return pet;
    }

    @Transactional
    public void rename(Long id, String name) { repo.findById(id).orElseThrow().setName(name); }
}
