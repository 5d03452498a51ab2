package demo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Date;

@Entity
public class RememberToken {
    @Id
    private String series;
    private String username;
    private String tokenValue;
    private Date lastUsed;
    protected RememberToken() {
    }
    public RememberToken(String series, String username, String tokenValue, Date lastUsed) {
        this.series = series; this.username = username; this.tokenValue = tokenValue; this.lastUsed = lastUsed;
    }
    public String getSeries() { return series; }
    public String getUsername() { return username; }
    public String getTokenValue() { return tokenValue; }
    public Date getLastUsed() { return lastUsed; }
}
