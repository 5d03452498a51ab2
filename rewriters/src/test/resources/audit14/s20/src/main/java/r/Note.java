package r;

import jakarta.persistence.*;
import lombok.Data;

@Entity
@Data
public class Note {
    @Id @GeneratedValue
    private Long id;
    private String text;
    @ManyToOne(fetch = FetchType.LAZY)
    private Offer offer;
}
