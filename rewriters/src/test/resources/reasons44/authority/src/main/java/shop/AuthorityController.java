package shop;

import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
public class AuthorityController {
    private final AuthorityService service;
    public AuthorityController(AuthorityService service) { this.service = service; }

    @GetMapping("/authorities") public List<String> all() { return service.getAuthorities(); }

    @PostMapping("/authorities") public Authority create(@RequestBody String name) { return service.create(name); }
}
