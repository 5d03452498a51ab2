package shop;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
@Component
public class ViewLog {
    private final Audit audit;
    public ViewLog(Audit audit) { this.audit = audit; }
    @EventListener
    public void on(PetViewed e) { audit.record(e.id(), e.user()); }
}
