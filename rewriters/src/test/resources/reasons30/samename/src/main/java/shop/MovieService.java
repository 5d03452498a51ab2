package shop;
import org.springframework.stereotype.Service;
@Service
public class MovieService {
    private final MovieRepository movies;
    public MovieService(MovieRepository movies) { this.movies = movies; }
    public Movie getEntityById(long id) { return movies.findById(id).orElseThrow(); }
}
