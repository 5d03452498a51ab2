package demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

public class GenreDao {
    private static final String URL = "jdbc:sqlite:r2.db";

    public List<Genre> listGenres() {
        try (Connection c = DriverManager.getConnection(URL);
             PreparedStatement ps = c.prepareStatement("SELECT name FROM genre ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<Genre> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Genre(rs.getString(1)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void addGenre(String name) {
        try (Connection c = DriverManager.getConnection(URL);
             PreparedStatement ps = c.prepareStatement("INSERT INTO genre(name) VALUES (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
