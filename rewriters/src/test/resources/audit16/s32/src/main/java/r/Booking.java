package r;

import jakarta.persistence.*;
import java.time.LocalDateTime;

@Entity
public class Booking {
    @Id @GeneratedValue
    private Long id;
    private Long itemId;
    private LocalDateTime start;
    @ManyToOne(fetch = FetchType.LAZY)
    private Person booker;
    public Long getId() { return id; }
    public Long getItemId() { return itemId; }
    public LocalDateTime getStart() { return start; }
    // the id of a lazy proxy: Hibernate answers it without loading the Person
    public Long getBookerId() {
        return booker.getId();
    }
}
