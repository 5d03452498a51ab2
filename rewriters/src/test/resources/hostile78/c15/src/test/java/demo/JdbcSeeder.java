package demo;

import org.springframework.jdbc.core.JdbcTemplate;

class JdbcSeeder implements Seeder {
    private final JdbcTemplate jdbc;

    JdbcSeeder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void moveTo(String country) {
        jdbc.update("UPDATE customer SET country_code = ? WHERE id = 1", country);
    }
}
