package shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CatService {
    private final CatRepository cats;
    private final JdbcTemplate jdbc;

    public CatService(CatRepository cats, JdbcTemplate jdbc) {
        this.cats = cats;
        this.jdbc = jdbc;
    }

    public List<String> describeEach(List<Long> ids) {
        List<String> described = new ArrayList<>();
        ids.forEach(id -> {
            Optional<Cat> cat = cats.findById(id);
            described.add(cat.map(c -> c.getId() + " " + c.getName()).orElse(id + " missing"));
        });
        return described;
    }
}
