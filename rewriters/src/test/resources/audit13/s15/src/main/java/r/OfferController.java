package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OfferController {
    private final OfferService service;

    public OfferController(OfferService service) {
        this.service = service;
    }

    @GetMapping("/offers")
    public List<Offer> offers() {
        return service.offers();
    }

    @PostMapping("/restaurants/{name}")
    public void add(@PathVariable String name) {
        service.add(name);
    }
}
