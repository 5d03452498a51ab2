package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController  {
    private final PetDao dao;
    private final PetMapper mapper;

    public ShopController(PetDao dao, PetMapper mapper) { this.dao = dao; this.mapper = mapper; }
    @GetMapping("/pets") public String all() {
        
        List<Pet> xs = dao.all().stream().collect(Collectors.toMap(Pet::getId, mapper::same)).values().stream().collect(Collectors.toList());
        for (Pet x : xs) { x.setName(x.getName() + "!"); }
        return xs.stream().map(x -> x.getName()).collect(Collectors.joining(","));
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }

}
