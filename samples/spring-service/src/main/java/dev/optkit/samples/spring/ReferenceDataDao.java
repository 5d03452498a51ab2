package dev.optkit.samples.spring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ReferenceDataDao {

    private final JdbcTemplate jdbcTemplate;

    public ReferenceDataDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public String findCountryName(String code) {
        return jdbcTemplate.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
    }

    public int renameCountry(String code, String name) {
        return jdbcTemplate.update("UPDATE country SET name = ? WHERE code = ?", name, code);
    }
}
