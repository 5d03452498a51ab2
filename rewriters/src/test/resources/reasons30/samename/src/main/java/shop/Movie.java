package shop;
import jakarta.persistence.*;
import java.util.*;
@Entity
public class Movie {
    @Id private Long id;
    private String title;
    @OneToMany(fetch = FetchType.EAGER) @JoinColumn(name = "movie_id") private List<Showtime> showtimes = new ArrayList<>();
    public String getTitle() { return title; }
    public void addShowtime(Showtime showtime) { showtimes.add(showtime); }
}
