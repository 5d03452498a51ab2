package shop;
import java.util.*;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
@Service
public class PetService {
    private final PetDao dao;
    private final PetMapper mapper;
    public PetService(PetDao dao, PetMapper mapper) { this.dao = dao; this.mapper = mapper; }
    public List<PetDto> dtos() {
        return dao.all().stream().map(mapper::toDto).collect(Collectors.toList());
    }
}
