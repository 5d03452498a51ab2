package repro.one;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class PlaceServiceTest {
    @Autowired PlaceService placeService;
    @Autowired JdbcTemplate jdbcTemplate;

    @BeforeEach
    void clear() { jdbcTemplate.execute("DELETE FROM place"); }

    @Test
    void readsAFixtureInsertedFirst() {
        // the test's only write comes before its first read: nothing can be cached yet when it runs
        jdbcTemplate.update("INSERT INTO place(name) VALUES (?)", "Bolshoi");
        assertEquals(1, placeService.getAll().size());
    }

    @Test
    void readsTwoFixturesInsertedFirst() {
        jdbcTemplate.update("INSERT INTO place(name) VALUES (?)", "A");
        jdbcTemplate.update("INSERT INTO place(name) VALUES (?)", "B");
        assertEquals(2, placeService.getAll().size());
    }
}
