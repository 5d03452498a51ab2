package r;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

// deletes rows behind the application's caches, then reads them over HTTP (audit 12's afisha integration tests)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventHttpTest {
    @Autowired private JdbcTemplate jdbcTemplate;
    @Autowired private TestRestTemplate rest;

    @BeforeEach
    void clearDb() {
        jdbcTemplate.update("DELETE FROM event");
    }

    @Test
    void startsEmpty() {
        assertEquals("[]", rest.getForObject("/events", String.class));
    }
}
