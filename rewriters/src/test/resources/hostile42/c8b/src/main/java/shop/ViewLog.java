package shop;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
@Component
public class ViewLog {
    private final PetLookup lookup;
    public ViewLog(PetLookup lookup) { this.lookup = lookup; }
    @EventListener
    public void on(PetViewed e) {
        Pet pet = lookup.byId(String.valueOf(e.id()));
        System.out.println("> " + e.user() + " viewed " + pet.getName());
    }
}
