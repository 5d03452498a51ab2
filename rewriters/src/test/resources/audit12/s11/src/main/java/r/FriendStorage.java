package r;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class FriendStorage {
    private final JdbcTemplate jdbcTemplate;
    // read once at construction, private, no accessor: only ever read with get()
    private final Map<String, Integer> statuses;

    public FriendStorage(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        statuses = findAllStatuses();
    }

    public void addFriend(int userId, int friendId) {
        jdbcTemplate.update("INSERT INTO friends (user_id, friend_id, status_id) VALUES (?, ?, ?)",
                userId, friendId, statuses.get("request"));
    }

    private Map<String, Integer> findAllStatuses() {
        Map<String, Integer> result = new HashMap<>();
        jdbcTemplate.query("SELECT status_id, status_name FROM friendship_status",
                rs -> { result.put(rs.getString("status_name"), rs.getInt("status_id")); });
        return result;
    }
}
