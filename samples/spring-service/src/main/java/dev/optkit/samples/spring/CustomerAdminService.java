package dev.optkit.samples.spring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads only administrators may make: a cache would answer whoever asks next, check or not. */
@Service
public class CustomerAdminService {

    private final JdbcTemplate jdbcTemplate;

    public CustomerAdminService(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public String customerEmail(long customerId) {
        return jdbcTemplate.queryForObject("SELECT email FROM customer WHERE id = ?", String.class, customerId);
    }
}
