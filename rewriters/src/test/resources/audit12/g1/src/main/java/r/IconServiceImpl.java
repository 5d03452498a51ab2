package r;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
public class IconServiceImpl implements IconService {
    private final JdbcTemplate jdbcTemplate;

    public IconServiceImpl(JdbcTemplate jdbcTemplate) { this.jdbcTemplate = jdbcTemplate; }

    @Override
    public List<String> names() {
        return jdbcTemplate.queryForList("SELECT name FROM icon", String.class);
    }
}
