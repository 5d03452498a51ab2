package shop;

import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
@Table(name = "jhi_persistent_token")
public class Token {
    private static final int MAX_USER_AGENT_LEN = 255;
    @Id String series;
    @Column(name = "token_value", nullable = false) String tokenValue;
    @Column(name = "token_date") LocalDate tokenDate;
    @Column(name = "user_agent") String userAgent;
    @ManyToOne User user;

    public String getSeries() { return series; }
    public String getTokenValue() { return tokenValue; }
    public LocalDate getTokenDate() { return tokenDate; }
    public User getUser() { return user; }
    public void setTokenValue(String tokenValue) { this.tokenValue = tokenValue; }
    public void setTokenDate(LocalDate tokenDate) { this.tokenDate = tokenDate; }

    public void setUserAgent(String userAgent) {
        if (userAgent.length() >= MAX_USER_AGENT_LEN) {
            this.userAgent = userAgent.substring(0, MAX_USER_AGENT_LEN - 1);
        } else {
            this.userAgent = userAgent;
        }
    }
}
