package r;

import jakarta.persistence.*;

@Entity
@Table(name = "members")
public class Member {
    @Id @GeneratedValue Integer id;
    String email;
    String password;
    public Integer getId() { return id; }
    public String getEmail() { return email; }
    public String getPassword() { return password; }
}
