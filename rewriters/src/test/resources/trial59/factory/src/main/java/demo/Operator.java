package demo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Operator {
    @Id
    private Long id;
    private String login;
    private String secret;

    public String getLogin() {
        return login;
    }

    public String getSecret() {
        return secret;
    }
}
