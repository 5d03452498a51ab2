package shop;
public class Member {
    private String name;
    public Member(String name) { this.name = name; }
    public String getName() { return name; }
    public void rename(String name) { this.name = name; }
}
