package r;

import jakarta.persistence.*;

@Entity
public class Author {
    @Id @GeneratedValue
    private Long id;
    private String email;

    public Long getId() { return id; }
    public String getEmail() { return email; }
}
