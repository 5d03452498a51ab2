package repro;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import java.util.List;
import java.util.UUID;
interface BoxViewRepository extends Repository<ItemRow, UUID> {
    @Query("SELECT b.id AS box_id, b.name AS box_name, i.id AS item_id, i.title AS title FROM boxes b LEFT JOIN items i ON i.box_id = b.id WHERE b.id = :id")
    List<ItemRow> rows(UUID id);
}
