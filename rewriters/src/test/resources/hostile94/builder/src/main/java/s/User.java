package s;
import java.sql.Timestamp;
public class User {
    private String name;
    private Timestamp updatedAt;
    private User(Builder builder) {
        this.name = builder.name;
        this.updatedAt = builder.updatedAt;
    }
    public String getName() { return name; }
    public static final class Builder {
        private String name;
        private Timestamp createdAt;
        private Timestamp updatedAt;
        public Builder createdAt(Timestamp createdAt) { this.createdAt = createdAt; return this; }
        public Builder named(String name) { this.name = name; return this; }
        public Builder updatedAt(Timestamp updatedAt) { this.updatedAt = updatedAt; return this; }
        public User build() { return new User(this); }
    }
}
