package r;

import jakarta.persistence.*;
import lombok.*;

@Entity
@Data
@Builder
@AllArgsConstructor
@NoArgsConstructor
public class Offer {
    @Id @GeneratedValue
    private Long id;
    private String title;
    @OneToMany(mappedBy = "offer", cascade = CascadeType.ALL, orphanRemoval = true)
    @ToString.Exclude
    private java.util.List<Note> notes = new java.util.ArrayList<>();
    @ManyToOne
    private Customer customer;
}
