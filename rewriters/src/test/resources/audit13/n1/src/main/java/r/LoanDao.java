package r;

import java.util.Date;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class LoanDao {
    private final JdbcTemplate jdbcTemplate;

    public LoanDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public Date getStartDate(long loanId) {
        return jdbcTemplate.queryForObject("select start_date from loan where id = ?", Date.class, loanId);
    }

    public void setStartDate(long loanId, Date date) {
        jdbcTemplate.update("update loan set start_date = ? where id = ?", date, loanId);
    }
}
