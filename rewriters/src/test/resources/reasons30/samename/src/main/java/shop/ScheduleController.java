package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ScheduleController {
    private final ShowtimeService showtimes;
    private final RoomService rooms;
    private final MovieService movies;
    public ScheduleController(ShowtimeService showtimes, RoomService rooms, MovieService movies) {
        this.showtimes = showtimes; this.rooms = rooms; this.movies = movies;
    }
    @PostMapping("/showtimes") public Long create(@RequestParam long movie, @RequestParam long room, @RequestBody Showtime s) {
        return showtimes.create(movie, room, s).getStartsAt() == null ? 0L : 1L;
    }
    @GetMapping("/rooms/{id}") public String room(@PathVariable long id) { return rooms.getEntityById(id).getName(); }
    @GetMapping("/movies/{id}") public String movie(@PathVariable long id) { return movies.getEntityById(id).getTitle(); }
}
