package shop;
import java.util.*;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
@Service
public class PetService {
    private final PetDao dao;
    public PetService(PetDao dao) { this.dao = dao; }
    public List<PetDto> present() {
        return dao.all().stream().map(Objects::requireNonNull).collect(Collectors.toList());
    }
}
