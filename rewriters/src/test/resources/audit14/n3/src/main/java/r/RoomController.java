package r;

import org.springframework.web.bind.annotation.*;

@RestController
public class RoomController {
    private final RoomRepository rooms;

    public RoomController(RoomRepository rooms) {
        this.rooms = rooms;
    }

    @GetMapping("/rooms/{id}")
    public String get(@PathVariable int id) {
        return rooms.getExisted(id).getName();
    }
}
