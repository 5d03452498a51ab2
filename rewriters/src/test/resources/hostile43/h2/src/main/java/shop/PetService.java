package shop;
import java.util.*;
import org.springframework.stereotype.Service;
@Service
public class PetService {
    private final PetDao dao;
    public PetService(PetDao dao) { this.dao = dao; }
    public List<StarBadge> starBadges() { return stars(dao.all()); }
    private static List<StarBadge> stars(List<Pet> pets) {
        List<StarBadge> out = new ArrayList<>();
        for (Pet p : pets) {
            if (p.getBadge() instanceof StarBadge s) { out.add(s); }
        }
        return out;
    }
}
