package r;

public interface RoomRepository extends BaseRepository<Room> {
}
