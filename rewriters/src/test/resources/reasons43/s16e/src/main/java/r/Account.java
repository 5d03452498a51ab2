package r;

import jakarta.persistence.*;

@Entity
public class Account {
    @Id @GeneratedValue
    private Long id;
    private String name;
    private java.time.Instant lastSeen;
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setLastSeen(java.time.Instant lastSeen) { this.lastSeen = lastSeen; }
}
