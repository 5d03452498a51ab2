package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;
import java.math.BigDecimal;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.ResultSetExtractor;

@Repository
public class UserDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
    private static final BigDecimal FEE = new BigDecimal("1.50");
    private final UnaryOperator<BigDecimal> withFee = p -> FEE.add(p);
    public String history() { return ""; }
    public List<String> roles(long id) {
        List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id);
        return rows.stream().map(r -> r + "=" + withFee.apply(BigDecimal.valueOf(r.length()))).toList();
    }
}
