package r;
import org.springframework.web.bind.annotation.*;
@RestController public class CatController {
  private final CatService s; public CatController(CatService s){this.s=s;}
  @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return s.find(id).getName(); }
  @PutMapping("/cats/{id}") public String put(@PathVariable Long id, @RequestBody String n) { return s.rename(id, n).getName(); }
}
