package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class Feed {
    private final PetRepository pets;
    private final PetService service;
    private final Likes likes;
    public Feed(PetRepository pets, PetService service, Likes likes) { this.pets = pets; this.service = service; this.likes = likes; }
    /** the user's feed: their likes marked, then the pet of the day */
    @Transactional(readOnly = true)
    public String feed(Long id, String user) {
        for (Pet p : pets.findAll()) {
            p.setLiked(likes.has(user, p.getId()));
        }
        Pet shown = service.find(id);
        return user + ": " + shown.getName() + (shown.isLiked() ? " (liked)" : "");
    }
}
