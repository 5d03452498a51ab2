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

    /** A fresh, mutable list on every call: CustomerReportService adds to it. */
    public java.util.List<String> currencies() {
        return jdbcTemplate.queryForList("SELECT DISTINCT currency FROM country ORDER BY currency", String.class);
    }

    public int renameCountry(String code, String name) {
        return jdbcTemplate.update("UPDATE country SET name = ? WHERE code = ?", name, code);
    }
}
