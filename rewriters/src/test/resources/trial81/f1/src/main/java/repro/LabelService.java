package repro;
import org.springframework.stereotype.Service;
@Service
public class LabelService {
    private final BoxRepository boxes;
    public LabelService(BoxRepository boxes) { this.boxes = boxes; }
    public void create(String name) { boxes.save(new Box(null, name)); }
}
