package shop;
import org.springframework.stereotype.Service;
@Service
public class ShowtimeService {
    private final MovieService movieService;
    private final RoomService roomService;
    private final ShowtimeRepository showtimes;
    public ShowtimeService(MovieService movieService, RoomService roomService, ShowtimeRepository showtimes) {
        this.movieService = movieService; this.roomService = roomService; this.showtimes = showtimes;
    }
    public Showtime create(long movieId, long roomId, Showtime showtime) {
        movieService.getEntityById(movieId).addShowtime(showtime);
        var room = roomService.getEntityById(roomId);
        if (!room.addShowtime(showtime)) {
            throw new IllegalArgumentException("no start");
        }
        return showtimes.save(showtime);
    }
}
