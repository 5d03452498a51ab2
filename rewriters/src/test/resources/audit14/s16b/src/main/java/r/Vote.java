package r;

import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
public class Vote {
    @Id @GeneratedValue
    private Integer id;
    private int userId;
    private LocalDate day;
    @ManyToOne(fetch = FetchType.LAZY)
    private Club club;

    protected Vote() {
    }

    public Vote(int userId, LocalDate day, Club club) {
        this.userId = userId;
        this.day = day;
        this.club = club;
    }

    public Integer getId() { return id; }
    public Club getClub() { return club; }
    public void setClub(Club club) { this.club = club; }
}
