package shop;
import org.springframework.stereotype.Service;
@Service
public class GenreService {
    private final GenreDao genres;
    public GenreService(GenreDao genres) { this.genres = genres; }
    public String line(long filmId) { return String.valueOf(genres.line(filmId)); }
}
