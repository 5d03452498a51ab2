package r;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PurchaseController {
    private final PurchaseService service;

    public PurchaseController(PurchaseService service) {
        this.service = service;
    }

    @PostMapping("/purchase/{itemId}/{quantity}/{state}")
    public double purchase(@PathVariable int itemId, @PathVariable int quantity, @PathVariable String state) {
        return service.purchase(itemId, quantity, state, 10.0);
    }
}
