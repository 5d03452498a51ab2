package r;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class VoteDao {
    private final JdbcTemplate jdbcTemplate;

    public VoteDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<VoterTo> getVotersOnDate(LocalDate date) {
        return jdbcTemplate.query("select u.id, u.name, v.lunch_id from vote v join users u on u.id = v.user_id where v.vote_date = ?",
                (rs, n) -> new VoterTo(rs.getLong(1), rs.getString(2), rs.getLong(3)), date);
    }

    public void vote(LocalDate date, long userId, long lunchId) {
        jdbcTemplate.update("merge into vote (vote_date, user_id, lunch_id) key (vote_date, user_id) values (?, ?, ?)", date, userId, lunchId);
    }
}
