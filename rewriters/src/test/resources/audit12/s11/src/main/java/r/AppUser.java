package r;

public class AppUser {
    private final int id;
    private String email;
    private String password;
    public AppUser(int id, String email, String password) { this.id = id; this.email = email; this.password = password; }
    public int getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
