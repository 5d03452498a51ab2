package r;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class CityController {
    private final CityService service;
    CityController(CityService service) { this.service = service; }
    @GetMapping("/cities")
    public BaseResponse<List<String>> cities(@RequestParam String region) {
        return new BaseResponse<>(service.cities(region));
    }
}
