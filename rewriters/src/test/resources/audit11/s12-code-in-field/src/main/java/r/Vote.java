package r;

import jakarta.persistence.*;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
public class Vote {
    @Id @GeneratedValue Integer id;
    int restaurantId;
    @ManyToOne(fetch = FetchType.LAZY)
    @OnDelete(action = OnDeleteAction.CASCADE)
    Member member;
    protected Vote() {}
    public Vote(int restaurantId, Member member) { this.restaurantId = restaurantId; this.member = member; }
}
