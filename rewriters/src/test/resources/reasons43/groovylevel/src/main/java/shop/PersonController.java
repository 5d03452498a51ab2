package shop;

import org.springframework.web.bind.annotation.*;

@RestController
public class PersonController {
    private final PersonService service;
    public PersonController(PersonService service) { this.service = service; }

    @GetMapping("/people/{name}") public boolean exists(@PathVariable String name) { return service.exists(name); }
    @PostMapping("/people") public void add(@RequestBody String name) { service.add(name); }
}
