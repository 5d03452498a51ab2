package dev.optkit.samples.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** Tracks parcels by id: a query per parcel (a JDBC N+1), which optkit migrate batches into IN queries. */
@Service
public class ParcelTracker {

    private static final RowMapper<Parcel> PARCEL = (rs, rowNum) -> new Parcel(
            rs.getLong("id"), rs.getString("carrier"), rs.getString("status"));

    private final JdbcTemplate jdbcTemplate;

    public ParcelTracker(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** "id carrier status" per parcel, in the order asked; an unknown id fails the call. */
    public List<String> track(List<Long> parcelIds) {
        List<String> lines = new ArrayList<>();
        for (Long id : parcelIds) {
            Parcel parcel = jdbcTemplate.queryForObject("SELECT id, carrier, status FROM parcel WHERE id = ?", PARCEL, id);
            lines.add(parcel.id() + " " + parcel.carrier() + " " + parcel.status());
        }
        return lines;
    }

    public record Parcel(long id, String carrier, String status) {}
}
