package shop;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
@Service
public class PetService {
    private final PetDao dao;
    public PetService(PetDao dao) { this.dao = dao; }
    public Map<Long, PetDto> byId() {
        return dao.all().stream().collect(Collectors.toMap(PetDto::getId, Function.identity()));
    }
}
