package shop;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetDao dao;
    private final Environment env;
    public ShopController(PetDao dao, Environment env) { this.dao = dao; this.env = env; }
    @GetMapping("/pets/{id}") public String get(@PathVariable Long id) { return dao.name(id); }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
    @GetMapping("/prices/{sku}") public String price(@PathVariable String sku) throws Exception { Thread.sleep(20); return "p-" + sku; }
    @GetMapping("/quotes") public String quotes(@RequestParam String skus) {
        return dao.quoteAll("http://127.0.0.1:" + env.getProperty("local.server.port"), Arrays.asList(skus.split(","))).toString();
    }
}
