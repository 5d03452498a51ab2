package repro.two;

import jakarta.persistence.*;

@Entity
public class Review {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String text;
    @ManyToOne
    private Product product;

    public Long getId() { return id; }
    public String getText() { return text; }
}
