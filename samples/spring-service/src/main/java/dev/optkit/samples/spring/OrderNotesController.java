package dev.optkit.samples.spring;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff notes on orders. Every note the service ever took comes back from {@code GET /orders/notes}: the list grows
 * with each {@code POST}, and nothing bounds the read (optkit's UnboundedRead).
 */
@RestController
public class OrderNotesController {

    private final JdbcTemplate jdbcTemplate;

    public OrderNotesController(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @PostMapping("/orders/{id}/notes")
    public int addNote(@PathVariable long id, @RequestBody String note) {
        return jdbcTemplate.update("INSERT INTO order_note (order_id, note) VALUES (?, ?)", id, note);
    }

    @GetMapping("/orders/notes")
    public List<String> notes() {
        return jdbcTemplate.queryForList("SELECT note FROM order_note ORDER BY id", String.class);
    }
}
