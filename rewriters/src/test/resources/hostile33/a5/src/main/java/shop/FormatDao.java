package shop;
import java.time.format.DateTimeFormatterBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class FormatDao {
    private final JdbcTemplate jdbc;
    public FormatDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    /** The country's date pattern, ready for callers to add their own parts. */
    public DateTimeFormatterBuilder dateFormat(String country) {
        String pattern = jdbc.queryForObject("SELECT pattern FROM date_format WHERE country = ?", String.class, country);
        return new DateTimeFormatterBuilder().appendPattern(pattern);
    }
    public void setPattern(String country, String pattern) { jdbc.update("UPDATE date_format SET pattern = ? WHERE country = ?", pattern, country); }
}
