package r;

import org.springframework.web.bind.annotation.*;

@RestController
public class OfferController {
    private final OfferService service;

    public OfferController(OfferService service) {
        this.service = service;
    }

    @PostMapping("/offers")
    public Long create(@RequestParam String email, @RequestParam String title) {
        return service.create(email, title);
    }

    @GetMapping("/greeting")
    public String greeting(@RequestParam String email) {
        return service.greeting(email);
    }
}
