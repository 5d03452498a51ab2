package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class CityService {
    private final CityDao dao;
    CityService(CityDao dao) { this.dao = dao; }
    public List<String> cities(String region) { return dao.cities(region); }
}
