package shop;
import org.springframework.stereotype.Component;
@Component
public record Renamer(CatRepository repo) {
    public void apply(Long id, String n) { repo.rename(id, n.trim()); }
}
