package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.stereotype.Component;
@org.springframework.stereotype.Service
public class PetService {
    private final PetDao dao; private final PetMapper mapper;
    public PetService(PetDao dao, PetMapper mapper) { this.dao = dao; this.mapper = mapper; }
    public List<Pet> pets() { return dao.all().stream().map(mapper::a).collect(Collectors.toList()); }
}
