package shop;
import org.springframework.stereotype.Service;
@Service
public class RoomService {
    private final RoomRepository rooms;
    public RoomService(RoomRepository rooms) { this.rooms = rooms; }
    public Room getEntityById(long id) { return rooms.findById(id).orElseThrow(); }
}
