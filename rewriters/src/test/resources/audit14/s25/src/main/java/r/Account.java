package r;

import jakarta.persistence.*;

@Entity
public class Account {
    @Id @GeneratedValue
    private Long id;
    private String code;
    private String name;

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
}
