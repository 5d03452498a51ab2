package r;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

// writes rows, but reaches no handler and no code that reads them: no test reads back through a cache
@SpringBootTest
class EventSeedTest {
    @Autowired private JdbcTemplate jdbcTemplate;

    @BeforeEach
    void clearDb() {
        jdbcTemplate.update("DELETE FROM event");
    }

    @Test
    void countsNothing() {
        assertEquals(0, jdbcTemplate.queryForObject("SELECT COUNT(*) FROM event", Integer.class));
    }
}
